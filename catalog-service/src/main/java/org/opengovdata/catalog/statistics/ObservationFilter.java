package org.opengovdata.catalog.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.tabular.TabularResource;

/**
 * Filters of {@code /statistics/observations}.
 *
 * @param asOf the values as published on that day; null = the current values
 * @param allVintages every value ever published (current and superseded), each with its validity
 *     interval {@code publishedOn} – {@code supersededOn}; excludes {@code asOf}
 */
record ObservationFilter(
    String indicator,
    Set<String> regions,
    Period from,
    Period to,
    LocalDate asOf,
    boolean allVintages,
    Observation.Status status,
    OffsetDateTime modifiedSince)
    implements TabularResource.Filter {

  SqlWhere where() {
    SqlWhere where =
        new SqlWhere()
            .andIf(indicator, "o.indicator_code = ?")
            .andIn("o.region_code", regions)
            .andIf(from == null ? null : from.start(), "o.period_start >= ?")
            .andIf(to == null ? null : to.end(), "o.period_end <= ?")
            .andIf(status == null ? null : status.name(), "o.status = ?")
            .andIf(modifiedSince, "o.modified > ?");
    if (allVintages) {
      return where;
    }
    if (asOf == null) {
      where.and("o.superseded_on is null");
    } else {
      where.and(
          "o.published_on <= ? and (o.superseded_on is null or o.superseded_on > ?)", asOf, asOf);
    }
    return where;
  }

  @Override
  public String canonical() {
    return String.join(
        "|",
        String.valueOf(indicator),
        regions == null ? "*" : String.join(",", new java.util.TreeSet<>(regions)),
        from == null ? "null" : from.text(),
        to == null ? "null" : to.text(),
        String.valueOf(asOf),
        allVintages ? "all" : "current",
        String.valueOf(status),
        modifiedSince == null ? "null" : modifiedSince.toInstant().toString());
  }
}
