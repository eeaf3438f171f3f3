package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
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

  /**
   * Sums by one or two dimensions. Every row is also grouped by budget type, stage and direction:
   * the caller guarantees each is fixed by the filter or grouped by, so this never splits a group
   * the caller asked for, and it lets every row say what it sums.
   */
  List<SummaryRow> summary(String stamp, FiscalFilter filter, List<GroupBy> groupBy, int level) {
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

  private List<SummaryRow> computeSummary(FiscalFilter filter, List<GroupBy> groupBy, int level) {
    GroupBy first = groupBy.get(0);
    GroupBy second = groupBy.size() > 1 ? groupBy.get(1) : null;
    SqlWhere where = filter.where();
    return jdbc.sql(
            "select "
                + first.keyExpression(level)
                + " as key, "
                + (second == null ? "null" : second.keyExpression(level))
                + " as sub_key, budget_type, stage, direction,"
                + " sum(amount) as amount, count(*) as items from fiscal_item"
                + where.sql()
                + " group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5")
        .params(where.parameters())
        .query(
            (rs, n) -> {
              String key = rs.getString("key");
              String subKey = rs.getString("sub_key");
              return new SummaryRow(
                  key,
                  first.label(reference, key),
                  levelOf(first, key, second, subKey),
                  subKey,
                  second == null ? null : second.label(reference, subKey),
                  BudgetType.valueOf(rs.getString("budget_type")),
                  Stage.valueOf(rs.getString("stage")),
                  Direction.valueOf(rs.getString("direction")),
                  rs.getBigDecimal("amount"),
                  rs.getLong("items"));
            })
        .list();
  }

  /** The classification level of whichever group is the classification, if one is. */
  private static Integer levelOf(GroupBy first, String key, GroupBy second, String subKey) {
    if (first == GroupBy.CLASSIFICATION) {
      return Classification.levelOf(key);
    }
    return second == GroupBy.CLASSIFICATION ? Classification.levelOf(subKey) : null;
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
              GroupBy.CLASSIFICATION.label(reference, key),
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
}
