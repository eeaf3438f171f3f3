package org.opengovdata.catalog.load;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who loaded what: one row per bulk load, written in the load's own transaction. Public (not a
 * package-private repository) because every {@link StagedLoad} subclass hands it to its base.
 */
@Component
public class LoadLog {

  /** One recorded load. */
  public record Entry(
      long id,
      String resource,
      String keyId,
      OffsetDateTime loadedAt,
      long rows,
      long inserted,
      long updated,
      long unchanged) {}

  private final JdbcClient jdbc;

  LoadLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String resource, String keyId, LoadResult result) {
    jdbc.sql(
            """
            insert into data_load (resource, key_id, rows, inserted, updated, unchanged)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            resource, keyId, result.rows(), result.inserted(), result.updated(), result.unchanged())
        .update();
  }

  /** The latest {@code limit} loads, newest first. */
  public List<Entry> latest(int limit) {
    return jdbc.sql(
            """
            select id, resource, key_id, loaded_at, rows, inserted, updated, unchanged
              from data_load order by loaded_at desc, id desc limit ?""")
        .param(limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getString("resource"),
                    rs.getString("key_id"),
                    rs.getObject("loaded_at", OffsetDateTime.class),
                    rs.getLong("rows"),
                    rs.getLong("inserted"),
                    rs.getLong("updated"),
                    rs.getLong("unchanged")))
        .list();
  }
}
