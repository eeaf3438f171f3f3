package org.opengovdata.common.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.opengovdata.common.events.PlatformEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * The one outbox relay (DESIGN.md "Events"): publishes unsent {@code outbox_event} rows, oldest
 * first, to the Redis stream ({@code XADD} with {@code type}, {@code id}, {@code version}, {@code
 * occurredAt}) and marks them sent in the same database transaction that locked them.
 *
 * <ul>
 *   <li><b>Order per aggregate</b> (indeed overall): rows go out in id order, and only one relay
 *       works at a time — each batch first takes a transaction-scoped advisory lock; a second
 *       instance finds it taken and waits for its next turn. Rows are also locked {@code FOR UPDATE
 *       SKIP LOCKED}, so nothing else can mark them while they are in flight.
 *   <li><b>Redis down</b>: the batch's transaction rolls back (the rows stay unsent) and the relay
 *       retries with exponential back-off up to {@code maxBackoff}, by itself.
 *   <li><b>No duplicates in normal operation</b>: a row is marked in the transaction that sent it.
 *       Only a crash between the {@code XADD}s and the commit re-sends a batch (at-least-once);
 *       consumers are idempotent by version.
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** One lock per schema's outbox: services sharing a database do not block each other. */
  private static final String TAKE_TURN =
      "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JedisPooled redis;
  private final OutboxRelaySettings settings;
  private volatile Thread worker;
  private volatile boolean running;

  public OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      JedisPooled redis,
      OutboxRelaySettings settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.redis = redis;
    this.settings = settings;
  }

  private record Row(long id, PlatformEvent event) {}

  /**
   * Publishes one batch of unsent rows.
   *
   * @return how many rows were published (0 when none are waiting or another relay has its turn)
   * @throws RuntimeException when Redis or PostgreSQL fails; nothing is marked sent then
   */
  public int relayBatch() {
    Integer sent = transactions.execute(status -> publishLockedBatch());
    return sent == null ? 0 : sent;
  }

  private int publishLockedBatch() {
    if (!Boolean.TRUE.equals(jdbc.sql(TAKE_TURN).query(Boolean.class).single())) {
      return 0;
    }
    List<Row> rows =
        jdbc.sql(
                "select id, type, aggregate_id, version, occurred_at from outbox_event"
                    + " where published_at is null order by id limit ? for update skip locked")
            .param(settings.batchSize())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        new PlatformEvent(
                            rs.getString("type"),
                            rs.getString("aggregate_id"),
                            rs.getLong("version"),
                            rs.getTimestamp("occurred_at").toInstant())))
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    appendToStream(rows);
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    jdbc.sql("update outbox_event set published_at = ? where id = any(?)")
        .params(new Timestamp(System.currentTimeMillis()), ids)
        .update();
    return rows.size();
  }

  private void appendToStream(List<Row> rows) {
    List<Response<StreamEntryID>> replies = new ArrayList<>(rows.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Row row : rows) {
        replies.add(
            pipeline.xadd(settings.stream(), XAddParams.xAddParams(), row.event().toFields()));
      }
      pipeline.sync();
    }
    replies.forEach(Response::get); // throws if Redis refused an entry
  }

  /** Makes an idle relay look for rows now (a writer in this JVM committed some). */
  public void wakeUp() {
    Thread current = worker;
    if (current != null) {
      LockSupport.unpark(current);
    }
  }

  /** Unsent rows, for health and benchmarks. */
  public long pending() {
    return jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }

  private void run() {
    Duration backoff = Duration.ZERO;
    boolean failing = false;
    while (running) {
      try {
        int sent = relayBatch();
        if (failing) {
          log.info("outbox relay resumed: publishing to {} again", settings.stream());
          failing = false;
        }
        backoff = Duration.ZERO;
        if (sent < settings.batchSize()) {
          LockSupport.parkNanos(settings.pollInterval().toNanos());
        }
      } catch (RuntimeException e) {
        if (!failing) {
          log.warn("outbox relay paused, events wait in the outbox: {}", e.toString());
          failing = true;
        }
        backoff = nextBackoff(backoff);
        LockSupport.parkNanos(backoff.toNanos());
      }
    }
  }

  private Duration nextBackoff(Duration previous) {
    Duration next = previous.isZero() ? Duration.ofMillis(100) : previous.multipliedBy(2);
    return next.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : next;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    Thread thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Thread thread = worker;
    worker = null;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
