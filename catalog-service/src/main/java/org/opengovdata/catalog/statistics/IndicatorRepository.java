package org.opengovdata.catalog.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.tabular.KeyFields;
import org.opengovdata.catalog.tabular.KeyFields.Field;
import org.opengovdata.catalog.tabular.KeysetQuery;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicators, by page or all of them, and one by code. */
@Repository
class IndicatorRepository extends KeysetQuery<Indicator, IndicatorRepository.Query> {

  /** By code: the only order the API offers. */
  static final KeyFields<Indicator> SORT =
      new KeyFields<>(
          SortOrder.of("code"), new Field<>("code", "code", Indicator::code, KeyFields.text(64)));

  private final JdbcClient jdbc;

  IndicatorRepository(JdbcClient jdbc, RowStreams streams) {
    super(jdbc, streams, "select * from indicator", "indicator", SORT);
    this.jdbc = jdbc;
  }

  /** The filters of {@code /statistics/indicators}. */
  record Query(Period.Frequency frequency, String text, OffsetDateTime modifiedSince) {

    SqlWhere where() {
      return new SqlWhere()
          .andIf(frequency == null ? null : frequency.name(), "frequency = ?")
          .andIf(modifiedSince, "modified > ?")
          .andAnyContains(text, "code", "name", "name_en", "description");
    }
  }

  @Override
  protected SqlWhere where(Query query) {
    return query.where();
  }

  Optional<Indicator> find(String code) {
    return jdbc.sql("select * from indicator where code = ?")
        .param(code)
        .query((rs, n) -> map(rs))
        .optional();
  }

  Map<String, Indicator> all() {
    return jdbc.sql("select * from indicator").query((rs, n) -> map(rs)).list().stream()
        .collect(Collectors.toMap(Indicator::code, Function.identity()));
  }

  @Override
  protected Indicator map(ResultSet rs) throws SQLException {
    return new Indicator(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("name_en"),
        rs.getString("unit"),
        rs.getString("unit_en"),
        Period.Frequency.valueOf(rs.getString("frequency")),
        rs.getString("description"),
        rs.getObject("modified", OffsetDateTime.class));
  }
}
