package org.opengovdata.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.testsupport.PrivateRedis;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** The shared relay against real PostgreSQL (a schema of its own) and real Redis. */
class OutboxRelayIntegrationTest {

  private final String schema = "outbox_test_" + UUID.randomUUID().toString().replace("-", "");
  private final String stream = "test.outbox." + UUID.randomUUID();
  private final List<OutboxRelay> started = new ArrayList<>();
  private JdbcClient jdbc;
  private TransactionTemplate transactions;
  private OutboxEvents outbox;
  private JedisPooled redis;

  @BeforeEach
  void createOutboxTable() throws IOException {
    TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
    JdbcClient admin =
        JdbcClient.create(new DriverManagerDataSource(pg.url(), pg.user(), pg.password()));
    admin.sql("create schema " + schema).update();
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(withSchema(pg.url()), pg.user(), pg.password());
    jdbc = JdbcClient.create(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    try (InputStream ddl = getClass().getResourceAsStream("/db/outbox/V1__outbox.sql")) {
      jdbc.sql(new String(ddl.readAllBytes(), StandardCharsets.UTF_8)).update();
    }
    outbox = new OutboxEvents(jdbc, () -> started.forEach(OutboxRelay::wakeUp));
    redis = new JedisPooled(URI.create(TestInfrastructure.redisUrl()));
  }

  @AfterEach
  void dropOutboxTable() {
    started.forEach(OutboxRelay::stop);
    jdbc.sql("drop schema " + schema + " cascade").update();
    redis.del(stream);
    redis.close();
  }

  private String withSchema(String url) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private OutboxRelay relay(JedisPooled target, int batchSize) {
    return new OutboxRelay(
        jdbc,
        transactions,
        target,
        new OutboxRelaySettings(
            true, stream, batchSize, Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  private void write(String type, String aggregate, long version) {
    transactions.executeWithoutResult(status -> outbox.record(type, aggregate, version));
  }

  private long unsent() {
    return jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }

  private List<PlatformEvent> streamed(JedisPooled from) {
    return from.xrange(stream, (StreamEntryID) null, (StreamEntryID) null).stream()
        .map(StreamEntry::getFields)
        .map(PlatformEvent::fromFields)
        .toList();
  }

  @Test
  void publishesUnsentRowsOnceInCommitOrderAndMarksThemSent() {
    write(PlatformEvent.POLICY_PUBLISHED, "p-1", 1);
    write(PlatformEvent.POLICY_UPDATED, "p-1", 2);
    write(PlatformEvent.DATASET_UPDATED, "fiscal-items", 7);
    OutboxRelay relay = relay(redis, 100);

    assertThat(relay.relayBatch()).isEqualTo(3);
    assertThat(relay.relayBatch()).isZero();

    assertThat(streamed(redis))
        .extracting(PlatformEvent::type, PlatformEvent::id, PlatformEvent::version)
        .containsExactly(
            tuple(PlatformEvent.POLICY_PUBLISHED, "p-1", 1L),
            tuple(PlatformEvent.POLICY_UPDATED, "p-1", 2L),
            tuple(PlatformEvent.DATASET_UPDATED, "fiscal-items", 7L));
    assertThat(unsent()).isZero();
    assertThat(relay.pending()).isZero();
  }

  @Test
  void writingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.record(PlatformEvent.POLICY_PUBLISHED, "p-1", 1))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
  }

  @Test
  void twoRelaysSendEveryRowExactlyOnceInOrderPerAggregate() throws Exception {
    int aggregates = 20;
    int versions = 40;
    transactions.executeWithoutResult(
        status -> {
          for (int v = 1; v <= versions; v++) {
            for (int a = 0; a < aggregates; a++) {
              outbox.record(PlatformEvent.POLICY_UPDATED, "p-" + a, v);
            }
          }
        });
    OutboxRelay first = relay(redis, 25);
    OutboxRelay second = relay(redis, 25);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (OutboxRelay relay : List.of(first, second)) {
        runs.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  while (unsent() > 0) {
                    sent += relay.relayBatch();
                  }
                  return sent;
                }));
      }
      int total = 0;
      for (Future<Integer> run : runs) {
        total += run.get();
      }
      assertThat(total).isEqualTo(aggregates * versions);
    } finally {
      pool.shutdownNow();
    }

    List<PlatformEvent> events = streamed(redis);
    assertThat(events).hasSize(aggregates * versions);
    Map<String, List<Long>> perAggregate = new HashMap<>();
    events.forEach(
        e -> perAggregate.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e.version()));
    assertThat(perAggregate).hasSize(aggregates);
    perAggregate.values().forEach(v -> assertThat(v).isSorted().doesNotHaveDuplicates());
  }

  @Test
  void whileRedisIsDownEventsWaitAndGoOutByThemselvesWhenItIsBack() {
    try (PrivateRedis own = PrivateRedis.start();
        JedisPooled ownClient = new JedisPooled(URI.create(own.url()))) {
      OutboxRelay relay = relay(ownClient, 100);
      own.stop();

      write(PlatformEvent.POLICY_PUBLISHED, "p-9", 1);
      assertThatThrownBy(relay::relayBatch).isInstanceOf(RuntimeException.class);
      assertThat(unsent()).as("nothing is marked sent while Redis is down").isEqualTo(1);

      started.add(relay);
      relay.start();
      write(PlatformEvent.POLICY_REPEALED, "p-9", 2);
      assertThat(unsent()).isEqualTo(2);

      own.startAgain();
      await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);
      assertThat(streamed(ownClient))
          .extracting(PlatformEvent::type)
          .containsExactly(PlatformEvent.POLICY_PUBLISHED, PlatformEvent.POLICY_REPEALED);
      relay.stop();
    }
  }
}
