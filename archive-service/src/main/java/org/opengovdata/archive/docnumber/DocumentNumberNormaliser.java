package org.opengovdata.archive.docnumber;

/**
 * The seam to the platform's one document-number (发文字号) normaliser, the shared {@code
 * document-number} module ({@code DocumentNumbers.normalise}). Until that module is on main the
 * bean behind this interface only trims; the archive never parses document numbers itself.
 */
@FunctionalInterface
public interface DocumentNumberNormaliser {

  /** The canonical form of {@code raw}, or null for a blank value. */
  String normalise(String raw);
}
