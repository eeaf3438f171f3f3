package org.opengovdata.catalog.statistics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

  private final JdbcClient jdbc;

  IndicatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Query(Period.Frequency frequency, String text, OffsetDateTime modifiedSince) {

    SqlWhere where() {
      SqlWhere where =
          new SqlWhere()
              .andIf(frequency == null ? null : frequency.name(), "frequency = ?")
              .andIf(modifiedSince, "modified > ?");
      if (text != null) {
        String pattern =
            "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.and(
            "(code ilike ? or name ilike ? or name_en ilike ? or description ilike ?)",
            pattern,
            pattern,
            pattern,
            pattern);
      }
      return where;
    }
  }

  long count(Query query) {
    SqlWhere where = query.where();
    return jdbc.sql("select count(*) from indicator" + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  List<Indicator> page(Query query, PageRequest page) {
    SqlWhere where = query.where();
    return jdbc.sql("select * from indicator" + where.sql() + " order by code limit ? offset ?")
        .params(where.parametersAnd(page.size(), page.offset()))
        .query(IndicatorRepository::map)
        .list();
  }

  Optional<Indicator> find(String code) {
    return jdbc.sql("select * from indicator where code = ?")
        .param(code)
        .query(IndicatorRepository::map)
        .optional();
  }

  Map<String, Indicator> all() {
    return jdbc.sql("select * from indicator").query(IndicatorRepository::map).list().stream()
        .collect(Collectors.toMap(Indicator::code, Function.identity()));
  }

  private static Indicator map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
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
