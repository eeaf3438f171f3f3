package org.opengovdata.docnumber;

import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.EMPTY;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_ISSUER;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_SERIAL;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_YEAR;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_SERIAL;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_YEAR;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.TOO_LONG;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.UNEXPECTED_TEXT;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.YEAR_OUT_OF_RANGE;

import java.util.function.IntSupplier;
import org.opengovdata.docnumber.Grammar.Shape;

/**
 * Turns a {@link Shape} into a checked {@link DocumentNumber} or {@link DocumentNumberPrefix}. The
 * latest acceptable year is a supplier so tests can pin it; {@link DocumentNumbers} passes next
 * year in China's time zone.
 */
final class DocumentNumberParser {

  private static final String EXAMPLE = "内政发〔2024〕12号";

  private final IntSupplier latestYear;

  DocumentNumberParser(IntSupplier latestYear) {
    this.latestYear = latestYear;
  }

  DocumentNumberQuery parseQuery(String input) {
    Shape shape = shape(input);
    return shape.isWholeNumber() ? number(shape, input) : prefix(shape, input);
  }

  DocumentNumber parse(String input) {
    Shape shape = shape(input);
    if (!shape.isWholeNumber()) {
      throw missingSerial(shape, input);
    }
    return number(shape, input);
  }

  DocumentNumberPrefix parsePrefix(String input) {
    Shape shape = shape(input);
    if (shape.isWholeNumber()) {
      throw Grammar.invalid(
          UNEXPECTED_TEXT,
          "this is a whole document number, not a partial one such as 内政发〔2024〕",
          input);
    }
    return prefix(shape, input);
  }

  /** The shape without any dictionary or value check; {@code null} if it has none. */
  static Shape shapeOrNull(String input) {
    if (input == null || input.length() > Grammar.MAX_INPUT_LENGTH) {
      return null;
    }
    String folded = Grammar.fold(input);
    if (folded.isEmpty()) {
      return null;
    }
    try {
      return Grammar.scan(folded, input);
    } catch (InvalidDocumentNumberException e) {
      return null;
    }
  }

  private static Shape shape(String input) {
    if (input == null) {
      throw Grammar.invalid(EMPTY, "the document number is missing", null);
    }
    if (input.length() > Grammar.MAX_INPUT_LENGTH) {
      throw Grammar.invalid(
          TOO_LONG,
          "longer than " + Grammar.MAX_INPUT_LENGTH + " characters: no document number is",
          input);
    }
    String folded = Grammar.fold(input);
    if (folded.isEmpty()) {
      throw Grammar.invalid(EMPTY, "the document number is empty", input);
    }
    return Grammar.scan(folded, input);
  }

  private DocumentNumber number(Shape shape, String input) {
    String issuer = issuer(shape, input);
    return switch (shape.kind()) {
      case BRACKETED -> DocumentNumber.bracketed(issuer, year(shape, input), serial(shape, input));
      case YEAR_ORDINAL ->
          DocumentNumber.yearOrdinal(issuer, year(shape, input), serial(shape, input));
      case ORDINAL -> DocumentNumber.ordinal(issuer, serial(shape, input));
      case BARE -> bare(shape, issuer, input);
      case ISSUER_ONLY -> throw missingSerial(shape, input);
    };
  }

  /** Digits right after the issuer: a decree's serial (国务院令708号), otherwise no year. */
  private static DocumentNumber bare(Shape shape, String issuer, String input) {
    if (issuer.endsWith("令")) {
      return DocumentNumber.ordinal(issuer, serial(shape, input));
    }
    throw ambiguousDigits(shape, input);
  }

  /** 内政发12号 (no year) or 内政发2024 / 内政发202412 (year and serial run together). */
  private static InvalidDocumentNumberException ambiguousDigits(Shape shape, String input) {
    return Grammar.invalid(
        NO_YEAR,
        shape.numberSign()
            ? "no year: write it in brackets before the serial, as " + EXAMPLE
            : "cannot tell the year from the serial in '"
                + shape.serial()
                + "': write the year in brackets, as "
                + EXAMPLE,
        input);
  }

  private DocumentNumberPrefix prefix(Shape shape, String input) {
    String issuer = issuer(shape, input);
    return switch (shape.kind()) {
      case ISSUER_ONLY, ORDINAL -> new DocumentNumberPrefix(issuer, null);
      case BRACKETED, YEAR_ORDINAL -> new DocumentNumberPrefix(issuer, year(shape, input));
      case BARE -> new DocumentNumberPrefix(issuer, checkedYear(shape.serial(), input));
    };
  }

  private static InvalidDocumentNumberException missingSerial(Shape shape, String input) {
    return switch (shape.kind()) {
      case ISSUER_ONLY ->
          Grammar.invalid(
              NO_SERIAL,
              "only an issuer code: the year and serial are missing, as in " + EXAMPLE,
              input);
      case ORDINAL -> Grammar.invalid(NO_SERIAL, "no serial after 第", input);
      case BARE -> ambiguousDigits(shape, input);
      default ->
          Grammar.invalid(
              NO_SERIAL,
              "no serial after the year " + shape.year() + ", as 12 in " + EXAMPLE,
              input);
    };
  }

  private static String issuer(Shape shape, String input) {
    String simplified = IssuerCodes.simplified(shape.issuer());
    if (!Grammar.isIssuerCode(simplified)) {
      throw Grammar.invalid(
          INVALID_ISSUER,
          "the issuer code '"
              + shape.issuer()
              + "' is longer than "
              + DocumentNumber.MAX_ISSUER_LENGTH
              + " characters",
          input);
    }
    return simplified;
  }

  private int year(Shape shape, String input) {
    return checkedYear(shape.year(), input);
  }

  private int checkedYear(String digits, String input) {
    if (digits.length() != 4) {
      throw Grammar.invalid(
          INVALID_YEAR,
          "the year '" + digits + "' must be written in full with four digits, as 2024",
          input);
    }
    int year = Integer.parseInt(digits);
    int latest = latestYear.getAsInt();
    if (year < DocumentNumber.MIN_YEAR || year > latest) {
      throw Grammar.invalid(
          YEAR_OUT_OF_RANGE,
          "the year " + digits + " is not between " + DocumentNumber.MIN_YEAR + " and " + latest,
          input);
    }
    return year;
  }

  private static int serial(Shape shape, String input) {
    String digits = shape.serial();
    if (digits.isEmpty()) {
      throw missingSerial(shape, input);
    }
    int firstNonZero = 0;
    while (firstNonZero < digits.length() && digits.charAt(firstNonZero) == '0') {
      firstNonZero++;
    }
    String significant = digits.substring(firstNonZero);
    if (significant.isEmpty()) {
      throw Grammar.invalid(INVALID_SERIAL, "the serial is 0; serials start at 1", input);
    }
    if (significant.length() > 6) {
      throw Grammar.invalid(
          INVALID_SERIAL, "the serial '" + digits + "' has more than six digits", input);
    }
    return Integer.parseInt(significant);
  }

  /** See {@link DocumentNumbers#looksLikeDocumentNumber(String)}. */
  static boolean looksLikeNumber(String input) {
    Shape shape = shapeOrNull(input);
    if (shape == null) {
      return false;
    }
    return switch (shape.kind()) {
      case BRACKETED -> !shape.year().isEmpty();
      case YEAR_ORDINAL, ORDINAL -> shape.hasSerial();
      case BARE -> shape.numberSign() || shape.issuer().endsWith("令");
      case ISSUER_ONLY -> false;
    };
  }
}
