package org.opengovdata.catalog.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams generated rows into PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)} through the
 * driver's copy API — an order of magnitude faster than batched inserts, in 64 KiB chunks so that a
 * million rows need no more memory than one.
 */
final class PgCopy {

  private static final int CHUNK = 1 << 16;

  private PgCopy() {}

  /** Runs {@code copySql} and feeds it the CSV lines {@code rows} produces; returns the count. */
  static long copy(Connection connection, String copySql, Consumer<Consumer<String>> rows)
      throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    StringBuilder buffer = new StringBuilder(CHUNK + 256);
    try {
      rows.accept(
          line -> {
            buffer.append(line).append('\n');
            if (buffer.length() >= CHUNK) {
              flush(copy, buffer);
            }
          });
      flush(copy, buffer);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void flush(CopyIn copy, StringBuilder buffer) {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new IllegalStateException("COPY failed", e);
    }
    buffer.setLength(0);
  }
}
