package org.opengovdata.docnumber;

import java.util.Objects;

/**
 * Input that is not a valid document number, with the reason in plain words. An {@link
 * IllegalArgumentException}, so a web layer that maps those to 400 needs nothing more; the {@link
 * #code()} is stable for clients and tests, the {@link #reason()} is for people.
 */
public final class InvalidDocumentNumberException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What is wrong, as a stable code. */
  public enum Code {
    /** Nothing but whitespace. */
    EMPTY,
    /** Longer than any document number could be. */
    TOO_LONG,
    /** Nothing before the year or serial: {@code 〔2024〕12号}. */
    NO_ISSUER,
    /** An issuer code with characters other than Han characters, or too long. */
    INVALID_ISSUER,
    /** No year where one is needed: {@code 内政发12号}. */
    NO_YEAR,
    /** A year not written as four Arabic digits, or a bracket left open: {@code 内政发〔24〕12号}. */
    INVALID_YEAR,
    /** A year before 1949 or after next year: {@code 内政发〔0999〕12号}. */
    YEAR_OUT_OF_RANGE,
    /** No serial: {@code 内政发〔2024〕}. */
    NO_SERIAL,
    /** A serial of 0 or of more than six digits. */
    INVALID_SERIAL,
    /** Characters that have no place in a document number, or text after its end. */
    UNEXPECTED_TEXT
  }

  private final Code code;
  private final String reason;
  private final String input;

  InvalidDocumentNumberException(Code code, String reason, String input) {
    super(describe(reason, input));
    this.code = Objects.requireNonNull(code);
    this.reason = Objects.requireNonNull(reason);
    this.input = input;
  }

  /** What is wrong, as a stable code. */
  public Code code() {
    return code;
  }

  /** What is wrong, in plain words, e.g. "the year 0999 is not between 1949 and 2026". */
  public String reason() {
    return reason;
  }

  /** The input as given (may be {@code null}; long input is cut in the message, not here). */
  public String input() {
    return input;
  }

  private static String describe(String reason, String input) {
    if (input == null) {
      return "no document number: " + reason;
    }
    String shown = input.length() > 80 ? input.substring(0, 80) + "…" : input;
    return "'" + shown + "' is not a valid document number: " + reason;
  }
}
