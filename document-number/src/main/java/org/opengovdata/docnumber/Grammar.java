package org.opengovdata.docnumber;

import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_SERIAL;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_YEAR;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_ISSUER;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.UNEXPECTED_TEXT;

import java.text.Normalizer;

/**
 * The shape of a document number, before any value is checked: folds what people type into one
 * alphabet, then reads issuer code, year and serial. Pure and cheap (no dictionary), so {@link
 * DocumentNumbers#looksLikeDocumentNumber(String)} can use it on every search query.
 *
 * <pre>
 * number  = issuer ( "〔" digits ["年"] "〕" ["第"] digits   BRACKETED: 内政发〔2024〕12号
 *                  | digits "年" ["第"] digits              YEAR_ORDINAL: 财政厅公告2024年第6号
 *                  | "第" digits                            ORDINAL: 内蒙古自治区人民政府令第258号
 *                  | digits )                               BARE: 国务院令708号 (only after 令)
 *           ["号"]
 * issuer  = Han character, not 〇, one or more
 * </pre>
 *
 * Folding first: NFKC (full-width digits, letters and brackets, ﹝﹞, compatibility ideographs),
 * whitespace and invisible format characters removed, every bracket style to 〔〕, 號 to 号.
 */
final class Grammar {

  /** Input longer than this (before folding) is rejected unread. */
  static final int MAX_INPUT_LENGTH = 100;

  // After NFKC: ［］ → [], （）﹙﹚ → (), ﹝﹞ → 〔〕, ＜＞ → <>, ｛｝ → {}, 〈〉 (U+2329) → 〈〉 (U+3008).
  private static final String OPENERS = "〔[(【〖〘⦗〈<《{";
  private static final String CLOSERS = "〕])】〗〙⦘〉>》}";

  private Grammar() {}

  /** How the part after the issuer code is written. */
  enum Kind {
    /** Nothing after the issuer code (or only 第, or only an opening bracket). */
    ISSUER_ONLY,
    /** 〔year〕serial. */
    BRACKETED,
    /** year年第serial. */
    YEAR_ORDINAL,
    /** 第serial. */
    ORDINAL,
    /** Digits right after the issuer code: a decree's serial, or a year and serial run together. */
    BARE
  }

  /**
   * What {@link #scan} read. Digits are as written (leading zeros kept); {@code year} and {@code
   * serial} are empty when absent. For BARE the digits are in {@code serial}.
   */
  record Shape(String issuer, Kind kind, String year, String serial, boolean numberSign) {

    boolean hasSerial() {
      return !serial.isEmpty();
    }

    /** A serial is written, or the form says a serial must follow: a whole number, not a prefix. */
    boolean isWholeNumber() {
      return switch (kind) {
        case ISSUER_ONLY -> false;
        case BRACKETED, YEAR_ORDINAL, ORDINAL -> hasSerial() || numberSign;
        case BARE -> numberSign || issuer.endsWith("令") || serial.length() != 4;
      };
    }
  }

  static boolean isIssuerChar(int codePoint) {
    if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) { // CJK Unified Ideographs: nearly every case
      return true;
    }
    return codePoint != '〇' && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** 1–30 Han characters, not ending in 第 (which belongs to the serial). */
  static boolean isIssuerCode(String s) {
    if (s.isEmpty() || s.endsWith("第")) {
      return false;
    }
    int length = 0;
    for (int i = 0; i < s.length(); length++) {
      int cp = s.codePointAt(i);
      if (!isIssuerChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return length <= DocumentNumber.MAX_ISSUER_LENGTH;
  }

  /** One alphabet for what people type; see the class comment. */
  static String fold(String input) {
    String nfkc = Normalizer.normalize(input, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= '0' && cp <= '9') || (cp >= 0x4E00 && cp <= 0x9FFF && cp != '號')) {
        out.append((char) cp); // digits and common Han characters: most of every number
        continue;
      }
      if (Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || Character.getType(cp) == Character.FORMAT) {
        continue;
      }
      if (OPENERS.indexOf(cp) >= 0) {
        out.append('〔');
      } else if (CLOSERS.indexOf(cp) >= 0) {
        out.append('〕');
      } else if (cp == '號') {
        out.append('号');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** Reads the shape of folded, non-empty text; throws for what no document number looks like. */
  static Shape scan(String folded, String input) {
    Reader in = new Reader(folded);
    String issuer = in.issuerRun();
    if (issuer.isEmpty()) {
      if (in.peekIsDigit() || in.peek() == '〔' || in.peek() == '第') {
        throw invalid(
            NO_ISSUER,
            "no issuer code (机关代字) before the year and serial, as 内政发 in 内政发〔2024〕12号",
            input);
      }
      throw invalid(
          UNEXPECTED_TEXT,
          "a document number starts with the issuer code (Han characters), not '" + in.rest() + "'",
          input);
    }
    boolean ordinal = issuer.endsWith("第");
    if (ordinal) {
      issuer = issuer.substring(0, issuer.length() - 1);
      if (issuer.isEmpty()) {
        throw invalid(NO_ISSUER, "no issuer code (机关代字) before 第", input);
      }
      if (!in.atEnd() && !in.peekIsDigit()) {
        throw invalid(
            UNEXPECTED_TEXT, "第 must be followed by the serial, not '" + in.rest() + "'", input);
      }
    }
    if (ordinal) {
      String serial = in.digits();
      return new Shape(issuer, Kind.ORDINAL, "", serial, in.end(issuer, input));
    }
    if (in.atEnd()) {
      return new Shape(issuer, Kind.ISSUER_ONLY, "", "", false);
    }
    if (in.peek() == '〔') {
      return bracketed(issuer, in, input);
    }
    if (in.peekIsDigit()) {
      String digits = in.digits();
      if (in.peek() == '年') {
        in.skip();
        in.skipIf('第');
        String serial = in.digits();
        return new Shape(
            issuer, Kind.YEAR_ORDINAL, digits, serial, serialEnd(serial, in, issuer, input));
      }
      return new Shape(issuer, Kind.BARE, "", digits, in.end(issuer, input));
    }
    throw invalid(
        UNEXPECTED_TEXT, "unexpected '" + in.rest() + "' after the issuer code " + issuer, input);
  }

  private static Shape bracketed(String issuer, Reader in, String input) {
    in.skip();
    String year = in.digits();
    if (!year.isEmpty()) {
      in.skipIf('年'); // 〔2024年〕: the 年 is redundant inside the brackets
    }
    if (in.atEnd()) {
      // "内政发〔" or "内政发〔2024": someone still typing; a prefix at most.
      return new Shape(issuer, year.isEmpty() ? Kind.ISSUER_ONLY : Kind.BRACKETED, year, "", false);
    }
    if (in.peek() != '〕') {
      throw invalid(
          INVALID_YEAR,
          year.isEmpty()
              ? "the year in brackets must be written in Arabic numerals, as 〔2024〕"
              : "the bracket after 〔" + year + " is not closed",
          input);
    }
    in.skip();
    if (year.isEmpty()) {
      throw invalid(INVALID_YEAR, "the brackets hold no year", input);
    }
    in.skipIf('第');
    String serial = in.digits();
    return new Shape(issuer, Kind.BRACKETED, year, serial, serialEnd(serial, in, issuer, input));
  }

  /** After a year form's serial: optional 号 and the end, or a reason why not. */
  private static boolean serialEnd(String serial, Reader in, String issuer, String input) {
    if (serial.isEmpty() && !in.atEnd() && in.peek() != '号') {
      throw invalid(
          INVALID_SERIAL,
          "the serial must be written in Arabic numerals, not '" + in.rest() + "'",
          input);
    }
    return in.end(issuer, input);
  }

  static InvalidDocumentNumberException invalid(
      InvalidDocumentNumberException.Code code, String reason, String input) {
    return new InvalidDocumentNumberException(code, reason, input);
  }

  /** A cursor over folded text, by code point. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    int peek() {
      return atEnd() ? -1 : text.codePointAt(pos);
    }

    boolean peekIsDigit() {
      int cp = peek();
      return cp >= '0' && cp <= '9';
    }

    void skip() {
      pos += Character.charCount(text.codePointAt(pos));
    }

    void skipIf(int cp) {
      if (peek() == cp) {
        skip();
      }
    }

    String rest() {
      return text.substring(pos);
    }

    String issuerRun() {
      int start = pos;
      while (!atEnd() && isIssuerChar(peek())) {
        skip();
      }
      return text.substring(start, pos);
    }

    String digits() {
      int start = pos;
      while (peekIsDigit()) {
        pos++;
      }
      return text.substring(start, pos);
    }

    /** Optional 号, then nothing: returns whether 号 was there. */
    boolean end(String issuer, String input) {
      boolean numberSign = peek() == '号';
      if (numberSign) {
        skip();
      }
      if (!atEnd()) {
        throw invalid(
            UNEXPECTED_TEXT,
            "unexpected '" + rest() + "' after the end of the number (" + issuer + "…号)",
            input);
      }
      return numberSign;
    }
  }
}
