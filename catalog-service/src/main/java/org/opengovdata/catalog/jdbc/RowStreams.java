package org.opengovdata.catalog.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a query's rows with a forward-only cursor, {@link #FETCH_SIZE} rows at a time, for
 * exports of any size in constant memory. PostgreSQL's driver only streams inside a transaction
 * (with autocommit it fetches the whole result), hence the read-only transaction around it.
 *
 * <p>{@link #copyCsv} lets PostgreSQL write the CSV itself ({@code COPY (SELECT …) TO STDOUT}): no
 * row objects, no per-cell formatting in Java, the bytes go straight from the database connection
 * to the client.
 */
@Component
public class RowStreams {

  public static final int FETCH_SIZE = 1000;

  private final TransactionTemplate readOnly;
  private final DataSource dataSource;

  RowStreams(PlatformTransactionManager transactions, DataSource dataSource) {
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.dataSource = dataSource;
  }

  public void stream(JdbcClient.StatementSpec statement, RowCallbackHandler rows) {
    readOnly.executeWithoutResult(status -> statement.withFetchSize(FETCH_SIZE).query(rows));
  }

  /**
   * Writes the result of {@code select} as CSV data lines (no header, LF line ends, PostgreSQL's
   * quoting) to {@code out}, after {@code started} — which runs only once PostgreSQL has accepted
   * the statement, so that an error in it is still a clean problem answer, not a cut-off CSV. COPY
   * takes no bind parameters, so {@code parameters} are written into the statement as literals by
   * {@link SqlLiterals}.
   *
   * @return the number of rows written
   */
  public long copyCsv(String select, List<Object> parameters, Started started, OutputStream out) {
    String copy =
        "COPY (" + SqlLiterals.inline(select, parameters) + ") TO STDOUT WITH (FORMAT csv)";
    Connection connection = DataSourceUtils.getConnection(dataSource);
    CopyOut rows = null;
    try {
      rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy);
      started.run();
      byte[] chunk;
      while ((chunk = rows.readFromCopy()) != null) {
        out.write(chunk);
      }
      return rows.getHandledRowCount();
    } catch (SQLException e) {
      throw new SQLExceptionSubclassTranslator().translate("COPY TO STDOUT", copy, e);
    } catch (IOException e) {
      // the client went away: stop the COPY and read what is still in flight, or the
      // connection would go back to the pool mid-COPY
      drain(rows);
      throw new UncheckedIOException(e);
    } finally {
      drain(rows);
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** What runs once PostgreSQL has accepted the COPY, before its first row (the CSV header). */
  @FunctionalInterface
  public interface Started {
    void run() throws IOException;
  }

  private static void drain(CopyOut rows) {
    if (rows == null || !rows.isActive()) {
      return;
    }
    try {
      rows.cancelCopy();
      while (rows.readFromCopy() != null) {
        // discard
      }
    } catch (SQLException ignored) {
      // the cancelled COPY ends with an error, as expected
    }
  }
}
