package org.opengovdata.catalog.dataset;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DatasetRepository {

  static final Map<String, String> SORT_COLUMNS =
      new java.util.TreeMap<>(
          Map.of("id", "id", "title", "title", "theme", "theme", "modified", "modified"));

  private static final String COLUMNS =
      "id, theme, title, title_en, description, publisher, region_code, keywords, temporal_start,"
          + " temporal_end, update_frequency, license, resource_path, issued, modified, version";

  private final JdbcClient jdbc;

  DatasetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Dataset> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from dataset where id = ?")
        .param(id)
        .query(DatasetRepository::map)
        .optional();
  }

  long count(DatasetQuery query) {
    SqlWhere where = where(query);
    return jdbc.sql("select count(*) from dataset" + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  List<Dataset> page(DatasetQuery query) {
    SqlWhere where = where(query);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from dataset"
                + where.sql()
                + " order by "
                + orderBy(query.sort())
                + " limit ? offset ?")
        .params(where.parametersAnd(query.page().size(), query.page().offset()))
        .query(DatasetRepository::map)
        .list();
  }

  /** Changes whenever any dataset's version or modified time changes. */
  String stamp(String theme) {
    SqlWhere where = new SqlWhere().andIf(theme, "theme = ?");
    return jdbc.sql(
            "select coalesce(string_agg(id || ':' || version || ':' || modified::text, ','"
                + " order by id), '') from dataset"
                + where.sql())
        .params(where.parameters())
        .query(String.class)
        .single();
  }

  List<DatasetVersion> bump(Collection<String> ids) {
    SqlWhere where = new SqlWhere().andIn("id", ids);
    return jdbc.sql(
            "update dataset set version = version + 1, modified = now()"
                + where.sql()
                + " returning id, version, modified")
        .params(where.parameters())
        .query(
            (rs, n) ->
                new DatasetVersion(
                    rs.getString("id"),
                    rs.getLong("version"),
                    rs.getObject("modified", OffsetDateTime.class)))
        .list();
  }

  private static SqlWhere where(DatasetQuery query) {
    return new SqlWhere()
        .andIf(query.theme(), "theme = ?")
        .andIn("region_code", query.coveringRegions())
        .andIn("id", query.ids())
        .andIf(query.modifiedSince(), "modified > ?")
        .andAnyContains(
            query.text(), "title", "title_en", "description", "array_to_string(keywords, ' ')");
  }

  private static String orderBy(SortOrder sort) {
    return String.join(
        ", ",
        sort.keys().stream()
            .map(k -> SORT_COLUMNS.get(k.field()) + (k.descending() ? " desc" : " asc"))
            .toList());
  }

  private static Dataset map(ResultSet rs, int row) throws SQLException {
    Array keywords = rs.getArray("keywords");
    return new Dataset(
        rs.getString("id"),
        rs.getString("theme"),
        rs.getString("title"),
        rs.getString("title_en"),
        rs.getString("description"),
        rs.getString("publisher"),
        rs.getString("region_code"),
        keywords == null ? List.of() : Arrays.asList((String[]) keywords.getArray()),
        rs.getObject("temporal_start", java.time.LocalDate.class),
        rs.getObject("temporal_end", java.time.LocalDate.class),
        rs.getString("update_frequency"),
        rs.getString("license"),
        rs.getString("resource_path"),
        rs.getObject("issued", OffsetDateTime.class),
        rs.getObject("modified", OffsetDateTime.class),
        rs.getLong("version"));
  }
}
