package org.opengovdata.search.docnumber;

import java.util.Optional;

/**
 * The seam to the platform's one document-number parser ({@code org.opengovdata.docnumber}, the
 * shared module): search depends only on this interface, so adopting the shared module is one
 * implementation class.
 */
public interface DocumentNumberParser {

  /** A complete number in any written variant, or empty. */
  Optional<DocumentNumber> parse(String text);

  /** A partial number (issuer code, with or without the year), or empty. */
  Optional<NumberPrefix> parsePrefix(String text);

  /** Whether text (e.g. a search box's {@code q}) is meant as a document number. */
  default boolean looksLikeDocumentNumber(String text) {
    return parse(text).isPresent();
  }
}
