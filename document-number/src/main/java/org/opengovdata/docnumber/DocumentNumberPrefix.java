package org.opengovdata.docnumber;

import java.util.Objects;

/**
 * A partial document number, as typed into a search box: an issuer code with a year ({@code
 * 内政发〔2024〕}, {@code 财政厅公告2024年}) or the issuer code alone ({@code 内政发}). Stands for every number
 * of that issuer (in that year).
 *
 * <p>How to query an index with it: with a year, {@link #canonical()} is a string prefix of the
 * {@link DocumentNumber#key()} of exactly the matching numbers ({@code 内政发〔2024〕} ⊂ {@code
 * 内政发〔2024〕12号}), so a keyword {@code prefix} query on the key works. Without a year, match the
 * issuer code exactly (a term query on a field holding {@link DocumentNumber#issuerCode()}): a
 * string prefix {@code 内政发} would also match the longer code {@code 内政发电}.
 *
 * @param issuerCode 机关代字, simplified
 * @param year the year, or {@code null} for every year (and numbers without one)
 */
public record DocumentNumberPrefix(String issuerCode, Integer year) implements DocumentNumberQuery {

  public DocumentNumberPrefix {
    Objects.requireNonNull(issuerCode, "issuerCode");
    if (!Grammar.isIssuerCode(issuerCode)) {
      throw new IllegalArgumentException(
          "issuer code must be 1–"
              + DocumentNumber.MAX_ISSUER_LENGTH
              + " Han characters: "
              + issuerCode);
    }
    if (year != null && (year < DocumentNumber.MIN_YEAR || year > 9999)) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
  }

  /** {@code 内政发〔2024〕} with a year, {@code 内政发} without. */
  @Override
  public String canonical() {
    return year == null ? issuerCode : issuerCode + '〔' + year + '〕';
  }

  /** Whether the number is one of this prefix's: same issuer code and, if given, same year. */
  public boolean matches(DocumentNumber number) {
    return issuerCode.equals(number.issuerCode()) && (year == null || year.equals(number.year()));
  }

  /** The canonical spelling. */
  @Override
  public String toString() {
    return canonical();
  }
}
