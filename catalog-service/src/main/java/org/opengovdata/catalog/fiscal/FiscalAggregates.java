package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * Sums of line items and budget execution — computed by SQL over exactly the items the same filters
 * select in {@code /fiscal/items}, so that they reconcile; cached in Redis per data version (a load
 * changes the version, so nothing stale is ever served).
 */
@Service
class FiscalAggregates {

  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final CatalogCache cache;

  FiscalAggregates(JdbcClient jdbc, ReferenceData reference, CatalogCache cache) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.cache = cache;
  }

  List<SummaryRow> summary(String stamp, FiscalFilter filter, GroupBy groupBy, int level) {
    return cache.get(
        "fiscal-summary",
        stamp,
        filter.canonical() + "|" + groupBy + "|" + level,
        new TypeReference<List<SummaryRow>>() {},
        () -> computeSummary(filter, groupBy, level));
  }

  List<ExecutionRow> execution(String stamp, FiscalFilter filter, int level) {
    return cache.get(
        "fiscal-execution",
        stamp,
        filter.canonical() + "|" + level,
        new TypeReference<List<ExecutionRow>>() {},
        () -> computeExecution(filter.anyStage(), level));
  }

  private List<SummaryRow> computeSummary(FiscalFilter filter, GroupBy groupBy, int level) {
    return grouped(
        groupBy.keyExpression(level),
        "sum(amount) as amount, count(*) as items",
        filter,
        (rs, n) -> {
          String key = rs.getString("key");
          return new SummaryRow(
              key,
              name(groupBy, key),
              groupBy == GroupBy.CLASSIFICATION ? Classification.levelOf(key) : null,
              rs.getBigDecimal("amount"),
              rs.getLong("items"));
        });
  }

  private List<ExecutionRow> computeExecution(FiscalFilter filter, int level) {
    return grouped(
        GroupBy.CLASSIFICATION.keyExpression(level),
        "sum(amount) filter (where stage = 'BUDGET') as budget,"
            + " sum(amount) filter (where stage = 'ADJUSTED') as adjusted,"
            + " sum(amount) filter (where stage = 'FINAL') as final",
        filter,
        (rs, n) -> {
          String key = rs.getString("key");
          return new ExecutionRow(
              key,
              name(GroupBy.CLASSIFICATION, key),
              Classification.levelOf(key),
              rs.getBigDecimal("budget"),
              rs.getBigDecimal("adjusted"),
              rs.getBigDecimal("final"));
        });
  }

  /** One row per group key over exactly the items the filter selects, ordered by key. */
  private <T> List<T> grouped(String key, String sums, FiscalFilter filter, RowMapper<T> row) {
    SqlWhere where = filter.where();
    return jdbc.sql(
            "select "
                + key
                + " as key, "
                + sums
                + " from fiscal_item"
                + where.sql()
                + " group by 1 order by 1")
        .params(where.parameters())
        .query(row)
        .list();
  }

  private String name(GroupBy groupBy, String key) {
    return switch (groupBy) {
      case CLASSIFICATION -> reference.classification(key).map(Classification::name).orElse(null);
      case REGION -> reference.region(key).map(Region::name).orElse(null);
      case BUDGET_TYPE -> BudgetType.valueOf(key).zh();
      case YEAR -> null;
    };
  }
}
