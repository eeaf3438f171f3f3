package org.opengovdata.catalog.jdbc;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a query's rows with a forward-only cursor, {@link #FETCH_SIZE} rows at a time, for
 * exports of any size in constant memory. PostgreSQL's driver only streams inside a transaction
 * (with autocommit it fetches the whole result), hence the read-only transaction around it.
 */
@Component
public class RowStreams {

  public static final int FETCH_SIZE = 1000;

  private final TransactionTemplate readOnly;

  RowStreams(PlatformTransactionManager transactions) {
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  public void stream(JdbcClient.StatementSpec statement, RowCallbackHandler rows) {
    readOnly.executeWithoutResult(status -> statement.withFetchSize(FETCH_SIZE).query(rows));
  }
}
