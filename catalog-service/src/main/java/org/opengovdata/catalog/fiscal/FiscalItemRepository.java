package org.opengovdata.catalog.fiscal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.web.TabularResource;
import org.opengovdata.common.paging.Keyset;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FiscalItemRepository implements TabularResource.Rows<FiscalItem, FiscalFilter> {

  private static final String COLUMNS =
      "id, year, region_code, budget_type, stage, direction, classification_code, amount, modified";

  private final JdbcClient jdbc;
  private final RowStreams streams;
  private final ReferenceData reference;

  FiscalItemRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    this.jdbc = jdbc;
    this.streams = streams;
    this.reference = reference;
  }

  @Override
  public long count(FiscalFilter filter) {
    SqlWhere where = filter.where();
    return jdbc.sql("select count(*) from fiscal_item" + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  @Override
  public List<FiscalItem> page(FiscalFilter filter, SortOrder sort, PageRequest page, int limit) {
    SqlWhere where = filter.where();
    return jdbc.sql(select(where.sql(), sort) + " limit ? offset ?")
        .params(where.parametersAnd(limit, page.offset()))
        .query(this::map)
        .list();
  }

  @Override
  public List<FiscalItem> after(FiscalFilter filter, SortOrder sort, List<Object> key, int limit) {
    Keyset.Predicate after = FiscalItemColumns.SORT.after(sort, key);
    SqlWhere where = filter.where().and(after.sql(), after.parameters().toArray());
    return jdbc.sql(select(where.sql(), sort) + " limit ?")
        .params(where.parametersAnd(limit))
        .query(this::map)
        .list();
  }

  /**
   * Every matching item in order, read with a forward-only cursor ({@code fetchSize} rows at a time
   * inside a read-only transaction — PostgreSQL's driver only streams with autocommit off).
   */
  @Override
  public void stream(FiscalFilter filter, SortOrder sort, Consumer<FiscalItem> sink) {
    SqlWhere where = filter.where();
    streams.stream(
        jdbc.sql(select(where.sql(), sort)).params(where.parameters()),
        rs -> sink.accept(map(rs, 0)));
  }

  private static String select(String where, SortOrder sort) {
    return "select "
        + COLUMNS
        + " from fiscal_item"
        + where
        + " order by "
        + FiscalItemColumns.SORT.orderBy(sort);
  }

  private FiscalItem map(ResultSet rs, int row) throws SQLException {
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
