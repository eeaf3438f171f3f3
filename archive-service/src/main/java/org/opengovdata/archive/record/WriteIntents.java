package org.opengovdata.archive.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.storage.OcflStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crash safety of writes: storage and index must agree even when the process is killed between the
 * OCFL commit and the index commit.
 *
 * <p>Before a write touches the OCFL root it records an <em>intent</em> (object, the head version
 * the index has), committed on its own; the write's index transaction deletes it. An intent that
 * outlives its write therefore names an object whose newest version — complete or half moved into
 * place — the index never got: {@link #recover} puts such an object back to the index's head
 * ({@link OcflStore#rollBackInterrupted}). The client of that write never had a 201, so nothing
 * acknowledged is lost. The target is the head the index has when recovery runs (under the record's
 * row lock), never the intent's own idea of it, so a late recovery cannot undo a later acknowledged
 * write.
 *
 * <p>Each instance holds a PostgreSQL session advisory lock for its lifetime; an intent whose
 * owner's lock can be taken belongs to a dead process. Recovery runs before the web server starts
 * (nothing is served from a root with half-written versions) and every minute after that, so a
 * crashed instance's intents are recovered by the survivors too.
 */
@Component
public class WriteIntents implements SmartInitializingSingleton, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WriteIntents.class);

  /** First key of the two-int advisory locks that mark a live instance ("AR"). */
  private static final int LIVENESS_SPACE = 0x4152;

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final OcflStore store;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final UUID owner = UUID.randomUUID();
  private final int ownerLock = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private Connection liveness;

  WriteIntents(
      JdbcClient jdbc,
      DataSource dataSource,
      OcflStore store,
      AuditLog audit,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
  }

  /** Takes this instance's liveness lock, then recovers what dead instances left. */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      liveness = dataSource.getConnection();
      liveness.setAutoCommit(true);
      try (PreparedStatement lock = liveness.prepareStatement("select pg_advisory_lock(?, ?)")) {
        lock.setInt(1, LIVENESS_SPACE);
        lock.setInt(2, ownerLock);
        lock.execute();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the archive instance's liveness lock", e);
    }
    int recovered = recover();
    log.info("Write intents: {} interrupted write(s) recovered at start-up", recovered);
  }

  @Override
  public void destroy() throws SQLException {
    if (liveness != null) {
      try (PreparedStatement unlock =
          liveness.prepareStatement("select pg_advisory_unlock(?, ?)")) {
        unlock.setInt(1, LIVENESS_SPACE);
        unlock.setInt(2, ownerLock);
        unlock.execute();
      } finally {
        liveness.close(); // back to the pool: the session lives on, hence the explicit unlock
      }
    }
  }

  /**
   * Records (and commits) the intent to write the version after {@code expectedHead} of {@code
   * objectId}. Call outside any transaction, before the OCFL write.
   */
  UUID begin(String objectId, UUID recordId, int expectedHead) {
    UUID id = UUID.randomUUID();
    inFlight.add(id);
    jdbc.sql(
            """
            insert into write_intent (id, object_id, record_id, expected_head, owner, owner_lock)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, objectId, recordId, expectedHead, owner, ownerLock)
        .update();
    return id;
  }

  /** Inside the write's index transaction: the intent is fulfilled when that commits. */
  void fulfil(UUID intent) {
    jdbc.sql("delete from write_intent where id = ?").param(intent).update();
  }

  /** The write is over (committed, or compensated and its intent dropped, or left to recovery). */
  void end(UUID intent) {
    inFlight.remove(intent);
  }

  /** After a successful compensation: nothing is left to recover. */
  void drop(UUID intent) {
    jdbc.sql("delete from write_intent where id = ?").param(intent).update();
  }

  /** Periodic sweep: intents of instances that died while this one runs. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void sweep() {
    try {
      recover();
    } catch (RuntimeException e) {
      log.warn("Write-intent sweep failed: {}", e.getMessage());
    }
  }

  /**
   * Rolls back every interrupted write: intents of dead instances, and this instance's own intents
   * whose writes are no longer in flight.
   *
   * @return how many intents were recovered
   */
  public synchronized int recover() {
    int recovered = 0;
    for (Integer lock :
        jdbc.sql("select distinct owner_lock from write_intent").query(Integer.class).list()) {
      if (lock == ownerLock) {
        recovered += recoverIntents(lock, true);
      } else {
        recovered += recoverDeadOwner(lock);
      }
    }
    return recovered;
  }

  private int recoverDeadOwner(int lock) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      if (!tryLock(connection, lock)) {
        return 0; // its instance is alive: its writes are still in flight
      }
      try {
        return recoverIntents(lock, false);
      } finally {
        try (PreparedStatement unlock =
            connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
          unlock.setInt(1, LIVENESS_SPACE);
          unlock.setInt(2, lock);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check an archive instance's liveness", e);
    }
  }

  private static boolean tryLock(Connection connection, int lock) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      statement.setInt(1, LIVENESS_SPACE);
      statement.setInt(2, lock);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private record Intent(UUID id, String objectId, UUID recordId, int expectedHead) {}

  private int recoverIntents(int lock, boolean own) {
    List<Intent> intents =
        jdbc.sql(
                """
                select id, object_id, record_id, expected_head from write_intent
                where owner_lock = ? order by created_at""")
            .param(lock)
            .query(
                (rs, row) ->
                    new Intent(
                        rs.getObject("id", UUID.class),
                        rs.getString("object_id"),
                        rs.getObject("record_id", UUID.class),
                        rs.getInt("expected_head")))
            .list();
    int recovered = 0;
    for (Intent intent : intents) {
      if (own && inFlight.contains(intent.id())) {
        continue;
      }
      tx.executeWithoutResult(
          status -> {
            // the index row lock keeps a live write to the same record out while we repair; the
            // index's head — not the intent's — is the target: it is what was acknowledged
            var indexed =
                jdbc.sql("select head_version, valid from record where id = ? for update")
                    .param(intent.recordId())
                    .query()
                    .listOfRows();
            boolean tombstoned =
                jdbc.sql("select count(*) from tombstone where record_id = ?")
                        .param(intent.recordId())
                        .query(Long.class)
                        .single()
                    > 0;
            String done;
            if (tombstoned) {
              done = "left alone: the record was disposed";
            } else if (indexed.isEmpty()) {
              done = store.rollBackInterrupted(intent.objectId(), 0);
            } else if (!Boolean.TRUE.equals(indexed.get(0).get("valid"))) {
              done = "left alone: the record is indexed as invalid (repair, then rebuild)";
            } else {
              int head = ((Number) indexed.get(0).get("head_version")).intValue();
              done = store.rollBackInterrupted(intent.objectId(), head);
            }
            jdbc.sql("delete from write_intent where id = ?").param(intent.id()).update();
            audit.recordSystem(
                "write.recovered",
                intent.recordId(),
                "interrupted write to %s after v%d: %s"
                    .formatted(intent.objectId(), intent.expectedHead(), done));
            log.warn(
                "Recovered an interrupted write to {} (after v{}): {}",
                intent.objectId(),
                intent.expectedHead(),
                done);
          });
      recovered++;
    }
    return recovered;
  }
}
