package org.opengovdata.catalog.fiscal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.tabular.CsvExport;
import org.opengovdata.catalog.tabular.KeysetQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Line items by page, by cursor or streamed; names of regions and codes from the code lists. */
@Repository
class FiscalItemRepository extends KeysetQuery<FiscalItem, FiscalFilter> {

  private final ReferenceData reference;

  FiscalItemRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    super(
        jdbc,
        streams,
        "select id, year, region_code, budget_type, stage, direction, classification_code,"
            + " amount, modified from fiscal_item",
        "fiscal_item",
        FiscalItemColumns.SORT);
    this.reference = reference;
  }

  /**
   * The CSV export's cells, written by PostgreSQL: the names joined from the code lists under names
   * of their own ({@code r_name}, {@code c_name}), so that the filter's and the sort's columns stay
   * unambiguous; instants in UTC with microseconds.
   */
  private static final Map<String, String> CSV =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("year", "year"),
          Map.entry("regionCode", "region_code"),
          Map.entry("regionName", CsvExport.neutralisedSql("r_name")),
          Map.entry("budgetType", "budget_type"),
          Map.entry("stage", "stage"),
          Map.entry("direction", "direction"),
          Map.entry("classificationCode", "classification_code"),
          Map.entry("classificationName", CsvExport.neutralisedSql("c_name")),
          Map.entry("classificationLevel", "(length(classification_code) - 1) / 2"),
          Map.entry("amount", "amount"),
          Map.entry("unit", "'" + FiscalItem.UNIT + "'"),
          Map.entry(
              "modified",
              "to_char(modified at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));

  @Override
  protected Map<String, String> csvExpressions() {
    return CSV;
  }

  @Override
  protected String csvFrom() {
    return "fiscal_item"
        + " left join (select code as r_code, name as r_name from region) r"
        + " on r_code = region_code"
        + " left join (select code as c_code, name as c_name from classification) c"
        + " on c_code = classification_code";
  }

  @Override
  protected SqlWhere where(FiscalFilter filter) {
    return filter.where();
  }

  @Override
  protected FiscalItem map(ResultSet rs) throws SQLException {
    String regionCode = rs.getString("region_code");
    String classificationCode = rs.getString("classification_code");
    Classification classification = reference.classification(classificationCode).orElse(null);
    return new FiscalItem(
        rs.getLong("id"),
        rs.getInt("year"),
        regionCode,
        reference.region(regionCode).map(Region::name).orElse(null),
        BudgetType.valueOf(rs.getString("budget_type")),
        Stage.valueOf(rs.getString("stage")),
        Direction.valueOf(rs.getString("direction")),
        classificationCode,
        classification == null ? null : classification.name(),
        Classification.levelOf(classificationCode),
        rs.getBigDecimal("amount"),
        rs.getObject("modified", OffsetDateTime.class));
  }
}
