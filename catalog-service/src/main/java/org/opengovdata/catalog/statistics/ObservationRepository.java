package org.opengovdata.catalog.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.web.TabularResource;
import org.opengovdata.common.paging.Keyset;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ObservationRepository implements TabularResource.Rows<Observation, ObservationFilter> {

  private static final String FROM =
      "select o.indicator_code, i.name as indicator_name, o.region_code, o.period,"
          + " o.period_start, i.frequency, o.value, i.unit, o.status, o.published_on,"
          + " o.superseded_on, o.modified"
          + " from observation o join indicator i on i.code = o.indicator_code";

  private final JdbcClient jdbc;
  private final RowStreams streams;
  private final ReferenceData reference;

  ObservationRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    this.jdbc = jdbc;
    this.streams = streams;
    this.reference = reference;
  }

  @Override
  public long count(ObservationFilter filter) {
    SqlWhere where = filter.where();
    return jdbc.sql("select count(*) from observation o" + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  @Override
  public List<Observation> page(
      ObservationFilter filter, SortOrder sort, PageRequest page, int limit) {
    SqlWhere where = filter.where();
    return jdbc.sql(select(where, sort) + " limit ? offset ?")
        .params(where.parametersAnd(limit, page.offset()))
        .query(this::map)
        .list();
  }

  @Override
  public List<Observation> after(
      ObservationFilter filter, SortOrder sort, List<Object> key, int limit) {
    Keyset.Predicate after = ObservationColumns.SORT.after(sort, key);
    SqlWhere where = filter.where().and(after.sql(), after.parameters().toArray());
    return jdbc.sql(select(where, sort) + " limit ?")
        .params(where.parametersAnd(limit))
        .query(this::map)
        .list();
  }

  @Override
  public void stream(ObservationFilter filter, SortOrder sort, Consumer<Observation> sink) {
    SqlWhere where = filter.where();
    streams.stream(
        jdbc.sql(select(where, sort)).params(where.parameters()), rs -> sink.accept(map(rs, 0)));
  }

  private static String select(SqlWhere where, SortOrder sort) {
    return FROM + where.sql() + " order by " + ObservationColumns.SORT.orderBy(sort);
  }

  private Observation map(ResultSet rs, int n) throws SQLException {
    String region = rs.getString("region_code");
    return new Observation(
        rs.getString("indicator_code"),
        rs.getString("indicator_name"),
        region,
        reference.region(region).map(Region::name).orElse(null),
        rs.getString("period"),
        rs.getObject("period_start", LocalDate.class),
        Period.Frequency.valueOf(rs.getString("frequency")),
        rs.getBigDecimal("value"),
        rs.getString("unit"),
        Observation.Status.valueOf(rs.getString("status")),
        rs.getObject("published_on", LocalDate.class),
        rs.getObject("superseded_on", LocalDate.class),
        rs.getObject("modified", OffsetDateTime.class));
  }
}
