package org.opengovdata.docnumber;

/**
 * What a search for a document number asks for: a whole number ({@link DocumentNumber}, an exact
 * lookup by {@link DocumentNumber#key()}) or a partial one ({@link DocumentNumberPrefix}: an
 * issuer's numbers, or an issuer's numbers of one year). {@link DocumentNumbers#parseQuery(String)}
 * tells which.
 */
public sealed interface DocumentNumberQuery permits DocumentNumber, DocumentNumberPrefix {

  /** The issuer code (机关代字), simplified, e.g. {@code 内政发}. */
  String issuerCode();

  /** The year, or {@code null} when the query has none. */
  Integer year();

  /** The canonical spelling: a whole number, or a prefix such as {@code 内政发〔2024〕}. */
  String canonical();
}
