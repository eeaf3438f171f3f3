package org.opengovdata.catalog.fiscal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ThreePublicExpenseRepository {

  static final Map<String, String> SORT_COLUMNS =
      new java.util.TreeMap<>(
          Map.of(
              "year",
              "year",
              "regionCode",
              "region_code",
              "stage",
              "stage",
              "total",
              "(overseas_travel + vehicle_purchase + vehicle_operation + official_reception)"));
  static final SortOrder KEY = SortOrder.of("year", "regionCode", "stage");

  private final JdbcClient jdbc;
  private final RowStreams streams;
  private final ReferenceData reference;

  ThreePublicExpenseRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    this.jdbc = jdbc;
    this.streams = streams;
    this.reference = reference;
  }

  /** The filter's years, regions, stage and modifiedSince apply; the rest do not exist here. */
  private static SqlWhere where(FiscalFilter filter) {
    return new SqlWhere()
        .andIf(filter.years().from(), "year >= ?")
        .andIf(filter.years().to(), "year <= ?")
        .andIn("region_code", filter.regions())
        .andIf(filter.stage() == null ? null : filter.stage().name(), "stage = ?")
        .andIf(filter.modifiedSince(), "modified > ?");
  }

  long count(FiscalFilter filter) {
    SqlWhere where = where(filter);
    return jdbc.sql("select count(*) from three_public_expense" + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  List<ThreePublicExpense> page(FiscalFilter filter, SortOrder sort, PageRequest page) {
    SqlWhere where = where(filter);
    return jdbc.sql(select(where, sort) + " limit ? offset ?")
        .params(where.parametersAnd(page.size(), page.offset()))
        .query((rs, n) -> map(rs))
        .list();
  }

  void stream(FiscalFilter filter, SortOrder sort, Consumer<ThreePublicExpense> sink) {
    SqlWhere where = where(filter);
    streams.stream(
        jdbc.sql(select(where, sort)).params(where.parameters()), rs -> sink.accept(map(rs)));
  }

  private static String select(SqlWhere where, SortOrder sort) {
    return "select * from three_public_expense"
        + where.sql()
        + " order by "
        + String.join(
            ", ",
            sort.keys().stream()
                .map(k -> SORT_COLUMNS.get(k.field()) + (k.descending() ? " desc" : " asc"))
                .toList());
  }

  private ThreePublicExpense map(java.sql.ResultSet rs) throws java.sql.SQLException {
    String region = rs.getString("region_code");
    return new ThreePublicExpense(
        rs.getInt("year"),
        region,
        reference.region(region).map(Region::name).orElse(null),
        Stage.valueOf(rs.getString("stage")),
        rs.getBigDecimal("overseas_travel"),
        rs.getBigDecimal("vehicle_purchase"),
        rs.getBigDecimal("vehicle_operation"),
        rs.getBigDecimal("official_reception"),
        rs.getObject("modified", OffsetDateTime.class));
  }
}
