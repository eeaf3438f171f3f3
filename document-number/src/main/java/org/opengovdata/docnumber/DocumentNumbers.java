package org.opengovdata.docnumber;

import java.time.Year;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads 发文字号 (document numbers) as people type them; the platform's one implementation, used by
 * catalog, search and archive alike. Thread-safe, stateless; the first call in a JVM loads the
 * traditional → simplified dictionary (see the module README).
 *
 * <p>Accepted: {@code 内政发〔2024〕12号} and the same with {@code [2024] (2024) （2024） 【2024】 ［2024］
 * ﹝2024﹞ 〖2024〗 〈2024〉}, full-width digits and letters, spaces anywhere, no trailing 号, 第 before
 * the serial, leading zeros in the serial, traditional characters (內政發〔2024〕12號); the year form
 * {@code 财政厅公告2024年第6号}; the decree form without a year {@code 内蒙古自治区人民政府令第258号} (also {@code
 * 国务院令708号}). Years run from 1949 to next year (China time).
 */
public final class DocumentNumbers {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final DocumentNumberParser PARSER =
      new DocumentNumberParser(() -> Year.now(CHINA).getValue() + 1);

  private DocumentNumbers() {}

  /**
   * A whole document number.
   *
   * @throws InvalidDocumentNumberException with the reason, for anything else (including a partial
   *     number such as {@code 内政发〔2024〕}: reason {@code NO_SERIAL})
   */
  public static DocumentNumber parse(String input) {
    return PARSER.parse(input);
  }

  /** {@link #parse(String)}, or empty for anything that is not a valid whole number. */
  public static Optional<DocumentNumber> tryParse(String input) {
    try {
      return Optional.of(PARSER.parse(input));
    } catch (InvalidDocumentNumberException e) {
      return Optional.empty();
    }
  }

  /**
   * The canonical spelling of a whole number: {@code 內政發[2024]012號} → {@code 内政发〔2024〕12号}.
   *
   * @throws InvalidDocumentNumberException as {@link #parse(String)}
   */
  public static String normalise(String input) {
    return PARSER.parse(input).canonical();
  }

  /**
   * A partial number: {@code 内政发〔2024〕}, {@code 内政发(2024)}, {@code 财政厅公告2024年}, {@code 内政发}.
   *
   * @throws InvalidDocumentNumberException for a whole number or invalid input
   */
  public static DocumentNumberPrefix parsePrefix(String input) {
    return PARSER.parsePrefix(input);
  }

  /** {@link #parsePrefix(String)}, or empty. */
  public static Optional<DocumentNumberPrefix> tryParsePrefix(String input) {
    try {
      return Optional.of(PARSER.parsePrefix(input));
    } catch (InvalidDocumentNumberException e) {
      return Optional.empty();
    }
  }

  /**
   * A whole number or a partial one, whichever the input is: for a search endpoint such as {@code
   * /documents/by-number/{n}} that looks up one number or lists an issuer's year.
   *
   * @throws InvalidDocumentNumberException with the reason, for input that is neither
   */
  public static DocumentNumberQuery parseQuery(String input) {
    return PARSER.parseQuery(input);
  }

  /**
   * Whether free text (a search box's {@code q}) is written like a document number, so a search
   * should treat it as one. Cheap: no dictionary, no value checks; {@code null} is no.
   *
   * <p>True for whole numbers of every form ({@code 内政发〔2024〕12号}, {@code 国务院令第708号}) and for an
   * issuer with a bracketed year ({@code 内政发〔2024〕}), even when a value is wrong (year 0999) —
   * {@link #parseQuery(String)} then says why, which is more use to the reader than a full-text
   * search for it. False for an issuer code alone ({@code 内政发}) and for {@code 预算2024年}, which are
   * as likely to be words: pass those to {@link #parsePrefix(String)} only where the caller knows a
   * number is meant (a {@code documentNumber} parameter).
   */
  public static boolean looksLikeDocumentNumber(String text) {
    return DocumentNumberParser.looksLikeNumber(text);
  }
}
