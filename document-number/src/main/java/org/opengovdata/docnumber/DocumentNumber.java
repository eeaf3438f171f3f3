package org.opengovdata.docnumber;

import java.util.Comparator;
import java.util.Objects;

/**
 * A 发文字号 (document number) in its parts: issuer code (机关代字), year, serial (发文顺序号) and the form it
 * is written in. Instances are always valid and their issuer code is in simplified characters; get
 * one from {@link DocumentNumbers#parse(String)} (for what people type) or from the factories
 * {@link #bracketed}, {@link #yearOrdinal} and {@link #ordinal} (for code that already has the
 * parts, such as a data generator).
 *
 * <p>Two strings come out of a number:
 *
 * <ul>
 *   <li>{@link #canonical()}: the one correct spelling in the number's own form, for display and
 *       for storing next to what was written: {@code 内政发〔2024〕12号}, {@code 财政厅公告2024年第6号}, {@code
 *       内蒙古自治区人民政府令第258号}.
 *   <li>{@link #key()}: the identity of the number, independent of the form: two numbers with the
 *       same key are the same document number. Use it for exact lookup and uniqueness. The year
 *       forms share the bracketed spelling ({@code 财政厅公告2024年第6号} → {@code 财政厅公告〔2024〕6号}), so
 *       someone who types the other form still finds the document; see the module README for why.
 * </ul>
 *
 * @param issuerCode 机关代字, e.g. {@code 内政发}; Han characters only, simplified, 1–{@value
 *     #MAX_ISSUER_LENGTH} characters
 * @param year the year, {@value #MIN_YEAR} or later; {@code null} exactly when the form is {@link
 *     Form#ORDINAL} (decrees are numbered across years)
 * @param serial 发文顺序号, 1–{@value #MAX_SERIAL}
 * @param form how the number is written
 */
public record DocumentNumber(String issuerCode, Integer year, int serial, Form form)
    implements DocumentNumberQuery, Comparable<DocumentNumber> {

  /** The earliest year accepted: numbers of the People's Republic's own documents. */
  public static final int MIN_YEAR = 1949;

  /** The largest serial accepted (six digits; real serials rarely pass a few thousand). */
  public static final int MAX_SERIAL = 999_999;

  /** The longest issuer code accepted, in characters. */
  public static final int MAX_ISSUER_LENGTH = 30;

  private static final Comparator<DocumentNumber> ORDER =
      Comparator.comparing(DocumentNumber::issuerCode)
          .thenComparing(DocumentNumber::year, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(DocumentNumber::serial)
          .thenComparing(DocumentNumber::form);

  /** The three ways a document number is written. */
  public enum Form {
    /** GB/T 9704 §7.2.4: year in 六角括号, serial without 第: {@code 内政发〔2024〕12号}. */
    BRACKETED_YEAR,
    /** Year followed by 年 and 第 before the serial, usual for 公告: {@code 财政厅公告2024年第6号}. */
    YEAR_ORDINAL,
    /** No year, 第 before the serial, usual for 令 (decrees): {@code 内蒙古自治区人民政府令第258号}. */
    ORDINAL
  }

  public DocumentNumber {
    Objects.requireNonNull(issuerCode, "issuerCode");
    Objects.requireNonNull(form, "form");
    if (!Grammar.isIssuerCode(issuerCode)) {
      throw new IllegalArgumentException(
          "issuer code must be 1–" + MAX_ISSUER_LENGTH + " Han characters: " + issuerCode);
    }
    if ((form == Form.ORDINAL) != (year == null)) {
      throw new IllegalArgumentException(
          form == Form.ORDINAL ? "an ORDINAL number has no year" : form + " needs a year");
    }
    if (year != null && (year < MIN_YEAR || year > 9999)) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (serial < 1 || serial > MAX_SERIAL) {
      throw new IllegalArgumentException("serial out of range: " + serial);
    }
  }

  /** {@code 内政发〔2024〕12号}. */
  public static DocumentNumber bracketed(String issuerCode, int year, int serial) {
    return new DocumentNumber(issuerCode, year, serial, Form.BRACKETED_YEAR);
  }

  /** {@code 财政厅公告2024年第6号}. */
  public static DocumentNumber yearOrdinal(String issuerCode, int year, int serial) {
    return new DocumentNumber(issuerCode, year, serial, Form.YEAR_ORDINAL);
  }

  /** {@code 内蒙古自治区人民政府令第258号}. */
  public static DocumentNumber ordinal(String issuerCode, int serial) {
    return new DocumentNumber(issuerCode, null, serial, Form.ORDINAL);
  }

  /** The correct spelling in this number's form, e.g. {@code 内政发〔2024〕12号}. */
  public String canonical() {
    return switch (form) {
      case BRACKETED_YEAR -> issuerCode + '〔' + year + '〕' + serial + '号';
      case YEAR_ORDINAL -> issuerCode + year + "年第" + serial + '号';
      case ORDINAL -> issuerCode + '第' + serial + '号';
    };
  }

  /**
   * The form-independent identity, for exact lookup and uniqueness: the bracketed spelling for any
   * number with a year, the canonical spelling otherwise. Every key of an issuer's year starts with
   * {@link DocumentNumberPrefix#canonical()} of that issuer and year.
   */
  public String key() {
    return year == null ? canonical() : issuerCode + '〔' + year + '〕' + serial + '号';
  }

  /** Whether both denote the same document number, whatever form each is written in. */
  public boolean sameNumberAs(DocumentNumber other) {
    return key().equals(other.key());
  }

  /** Issuer code, then year (numbers without a year first), then serial, then form. */
  @Override
  public int compareTo(DocumentNumber other) {
    return ORDER.compare(this, other);
  }

  /** The canonical spelling. */
  @Override
  public String toString() {
    return canonical();
  }
}
