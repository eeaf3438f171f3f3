package org.opengovdata.catalog.fiscal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.tabular.KeysetQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 三公经费 rows by page or streamed (the API reads them by page number only). */
@Repository
class ThreePublicExpenseRepository extends KeysetQuery<ThreePublicExpense, FiscalFilter> {

  private final ReferenceData reference;

  ThreePublicExpenseRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    super(
        jdbc,
        streams,
        "select * from three_public_expense",
        "three_public_expense",
        ThreePublicExpenseColumns.SORT);
    this.reference = reference;
  }

  /** The filter's years, regions, stage and modifiedSince apply; the rest do not exist here. */
  @Override
  protected SqlWhere where(FiscalFilter filter) {
    return new SqlWhere()
        .andIf(filter.years().from(), "year >= ?")
        .andIf(filter.years().to(), "year <= ?")
        .andIn("region_code", filter.regions())
        .andIf(filter.stage() == null ? null : filter.stage().name(), "stage = ?")
        .andIf(filter.modifiedSince(), "modified > ?");
  }

  @Override
  protected ThreePublicExpense map(ResultSet rs) throws SQLException {
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
