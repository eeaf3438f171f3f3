package org.opengovdata.archive.record;

import java.util.Optional;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumberQuery;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.docnumber.InvalidDocumentNumberException;

/**
 * 发文字号 through the platform's one parser (module {@code document-number}): canonical spelling on
 * intake, form-independent key for exact lookups, prefixes for partial ones.
 */
public final class DocumentNumberLookup {

  private DocumentNumberLookup() {}

  /** The canonical spelling of a submitted number; 400 (with the parser's reason) if invalid. */
  public static String canonical(String submitted) {
    if (submitted == null || submitted.isBlank()) {
      return null;
    }
    try {
      return DocumentNumbers.normalise(submitted);
    } catch (InvalidDocumentNumberException e) {
      throw ApiException.invalidParameter("documentNumber", e.reason());
    }
  }

  /** A stored number, parsed; empty for none or one written before it had to parse. */
  public static Optional<DocumentNumber> parsed(String stored) {
    return stored == null ? Optional.empty() : DocumentNumbers.tryParse(stored);
  }

  /** A {@code documentNumber} filter: a whole number or a prefix; 400 if neither. */
  public static DocumentNumberQuery query(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return null;
    }
    try {
      return DocumentNumbers.parseQuery(parameter);
    } catch (InvalidDocumentNumberException e) {
      throw ApiException.invalidParameter("documentNumber", e.reason());
    }
  }
}
