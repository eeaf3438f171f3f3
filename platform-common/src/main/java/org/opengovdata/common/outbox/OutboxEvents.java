package org.opengovdata.common.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox writer (DESIGN.md "Events"): an event row ({@code outbox_event}, DDL in
 * {@code classpath:db/outbox}) written in the same transaction as the change it announces. The
 * {@link OutboxRelay} publishes it to the Redis stream after the commit; this writer only nudges
 * the relay so that it does not wait for its next poll.
 */
public class OutboxEvents {

  private final JdbcClient jdbc;
  private final Runnable afterCommit;
  private final Object transactionKey = new Object();

  public OutboxEvents(JdbcClient jdbc, Runnable afterCommit) {
    this.jdbc = jdbc;
    this.afterCommit = afterCommit;
  }

  /**
   * Records that aggregate {@code aggregateId} changed to {@code version}; must run inside the
   * transaction that makes the change (so both commit, or neither).
   *
   * @param type an event type of {@link org.opengovdata.common.events.PlatformEvent}
   */
  public void record(String type, String aggregateId, long version) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      // an event without its change (or the change without its event) is what the outbox prevents
      throw new IllegalTransactionStateException(
          "outbox event " + type + " for " + aggregateId + " written outside a transaction");
    }
    jdbc.sql("insert into outbox_event (type, aggregate_id, version) values (?, ?, ?)")
        .params(type, aggregateId, version)
        .update();
    nudgeRelayAfterCommit();
  }

  private void nudgeRelayAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(transactionKey)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(transactionKey, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            afterCommit.run();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
          }
        });
  }
}
