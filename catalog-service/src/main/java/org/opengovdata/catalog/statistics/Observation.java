package org.opengovdata.catalog.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.opengovdata.catalog.reference.ChineseNamed;

/**
 * One published value of an indicator for a region and period. {@code supersededOn} is set once a
 * revision replaced it: the value stays queryable with {@code asOf} and {@code vintages=all}.
 *
 * @param vintage the order in which values were published (the row's identity): unique, so it
 *     completes the keyset when every vintage of a period is listed
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
    OffsetDateTime modified,
    long vintage) {

  /** 初步 (preliminary), 最终 (final), 修订 (revised). */
  enum Status implements ChineseNamed {
    PRELIMINARY("初步"),
    FINAL("最终"),
    REVISED("修订");

    private final String zh;

    Status(String zh) {
      this.zh = zh;
    }

    @Override
    public String zh() {
      return zh;
    }

    static java.util.Optional<Status> parse(String text) {
      return ChineseNamed.parse(Status.class, text);
    }
  }
}
