package org.opengovdata.archive.record;

import java.time.LocalDate;
import java.util.Optional;

/** 保管期限: how long a record is kept. Ordered from shortest to longest. */
public enum RetentionClass {
  /** 定期10年 */
  Y10(10),
  /** 定期30年 */
  Y30(30),
  /** 永久 — never disposed. */
  PERMANENT(0);

  private final int years;

  RetentionClass(int years) {
    this.years = years;
  }

  /**
   * The disposition date: the period counts from 1 January of the year after the document's year,
   * so a document dated 2024-03-15 kept 30 years is due on 2055-01-01. Empty for {@link
   * #PERMANENT}.
   */
  public Optional<LocalDate> dispositionDate(LocalDate documentDate) {
    if (this == PERMANENT || documentDate == null) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(documentDate.getYear() + 1 + years, 1, 1));
  }

  /** Whether changing to {@code other} lengthens the retention (the only change allowed). */
  public boolean isExtendedBy(RetentionClass other) {
    return other.ordinal() > ordinal();
  }
}
