package org.opengovdata.catalog.policy;

import java.time.LocalDate;

/** 有效 / 失效 / 废止 / 已修订 — always for a given day, computed from the document's dates. */
public enum Validity {
  VALID,
  EXPIRED,
  REPEALED,
  AMENDED;

  /**
   * The validity on {@code day}: repealed or amended from those dates on, expired from the expiry
   * date on, otherwise valid (also before the effective date: the document is valid, not yet in
   * force).
   */
  public static Validity on(
      LocalDate day, LocalDate expiryDate, LocalDate repealedOn, LocalDate amendedOn) {
    if (repealedOn != null && !day.isBefore(repealedOn)) {
      return REPEALED;
    }
    if (amendedOn != null && !day.isBefore(amendedOn)) {
      return AMENDED;
    }
    if (expiryDate != null && !day.isBefore(expiryDate)) {
      return EXPIRED;
    }
    return VALID;
  }
}
