package org.opengovdata.archive.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps writes and an index rebuild apart, across every instance sharing the database: each write
 * holds a shared PostgreSQL advisory lock for its transaction; a rebuild holds the exclusive one on
 * its own connection for its whole run (released by PostgreSQL if the process dies). While a
 * rebuild runs, writes are refused with 503 — reads go on from the old index.
 */
@Component
public class IndexLock {

  private static final long KEY = 0x4152434849445831L;

  private final JdbcClient jdbc;

  IndexLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inside a write transaction: fails fast while a rebuild runs. */
  public void enterWrite() {
    Boolean acquired =
        jdbc.sql("select pg_try_advisory_xact_lock_shared(?)")
            .param(KEY)
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(acquired)) {
      throw new ApiException(
          ProblemType.SERVICE_UNAVAILABLE,
          "The archive index is being rebuilt; writes resume when the rebuild job finishes.");
    }
  }

  /** Takes the exclusive lock on {@code connection}, waiting for writes in flight to finish. */
  public static void enterRebuild(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      lock.execute();
    }
  }

  public static void leaveRebuild(Connection connection) throws SQLException {
    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      try (ResultSet rs = unlock.executeQuery()) {
        rs.next();
      }
    }
  }
}
