package org.opengovdata.catalog.fiscal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
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
