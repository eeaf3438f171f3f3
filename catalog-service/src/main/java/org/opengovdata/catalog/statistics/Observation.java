package org.opengovdata.catalog.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One published value of an indicator for a region and period. {@code supersededOn} is set once a
 * revision replaced it: the value stays queryable with {@code asOf}.
 */
record Observation(
    String indicatorCode,
    String indicatorName,
    String regionCode,
    String regionName,
    String period,
    LocalDate periodStart,
    Period.Frequency frequency,
    BigDecimal value,
    String unit,
    Status status,
    LocalDate publishedOn,
    LocalDate supersededOn,
    OffsetDateTime modified) {

  /** 初步 (preliminary), 最终 (final), 修订 (revised). */
  enum Status {
    PRELIMINARY("初步"),
    FINAL("最终"),
    REVISED("修订");

    private final String zh;

    Status(String zh) {
      this.zh = zh;
    }

    static java.util.Optional<Status> parse(String text) {
      for (Status status : values()) {
        if (status.name().equals(text) || status.zh.equals(text)) {
          return java.util.Optional.of(status);
        }
      }
      return java.util.Optional.empty();
    }
  }
}
