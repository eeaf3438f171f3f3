package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
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
    SqlWhere where = filter.where();
    String key = groupBy.keyExpression(level);
    return jdbc.sql(
            "select "
                + key
                + " as key, sum(amount) as amount, count(*) as items from fiscal_item"
                + where.sql()
                + " group by 1 order by 1")
        .params(where.parameters())
        .query(
            (rs, n) -> {
              String k = rs.getString("key");
              return new SummaryRow(
                  k,
                  name(groupBy, k),
                  groupBy == GroupBy.CLASSIFICATION ? Classification.levelOf(k) : null,
                  rs.getBigDecimal("amount"),
                  rs.getLong("items"));
            })
        .list();
  }

  private List<ExecutionRow> computeExecution(FiscalFilter filter, int level) {
    SqlWhere where = filter.where();
    String key = GroupBy.CLASSIFICATION.keyExpression(level);
    return jdbc.sql(
            "select "
                + key
                + " as key,"
                + " sum(amount) filter (where stage = 'BUDGET') as budget,"
                + " sum(amount) filter (where stage = 'ADJUSTED') as adjusted,"
                + " sum(amount) filter (where stage = 'FINAL') as final"
                + " from fiscal_item"
                + where.sql()
                + " group by 1 order by 1")
        .params(where.parameters())
        .query(
            (rs, n) -> {
              String k = rs.getString("key");
              return new ExecutionRow(
                  k,
                  name(GroupBy.CLASSIFICATION, k),
                  Classification.levelOf(k),
                  rs.getBigDecimal("budget"),
                  rs.getBigDecimal("adjusted"),
                  rs.getBigDecimal("final"));
            })
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
