package org.opengovdata.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.TestInfrastructure;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/** The consumer-group reader against a real Redis. */
class StreamConsumerIntegrationTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private JedisPooled redis;
  private String stream;
  private final List<StreamConsumer> started = new ArrayList<>();

  @BeforeEach
  void connect() {
    redis = new JedisPooled(URI.create(TestInfrastructure.redisUrl()));
    stream = "test.events." + UUID.randomUUID();
  }

  @AfterEach
  void cleanUp() {
    started.forEach(c -> c.stop(Duration.ofSeconds(10)));
    redis.del(stream, StreamConsumerSettings.deadLetterStreamOf(stream, "g"));
    redis.close();
  }

  private StreamConsumerSettings settings(String consumer) {
    return StreamConsumerSettings.defaults("g", consumer)
        .withStream(stream)
        .withTimings(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(100))
        .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(200));
  }

  private StreamConsumer start(StreamConsumerSettings settings, StreamEntryHandler handler) {
    StreamConsumer consumer = new StreamConsumer(redis, settings, handler);
    started.add(consumer);
    consumer.start();
    return consumer;
  }

  private String publish(String type, String id, long version) {
    return redis
        .xadd(
            stream,
            StreamEntryID.NEW_ENTRY,
            new PlatformEvent(type, id, version, Instant.parse("2024-06-01T08:00:00Z")).toFields())
        .toString();
  }

  private long pending() {
    return redis.xpending(stream, "g").getTotal();
  }

  @Test
  void entriesPublishedBeforeTheGroupExistedAreHandledInOrderAndAcknowledged() {
    publish(PlatformEvent.POLICY_PUBLISHED, "a", 1);
    publish(PlatformEvent.POLICY_UPDATED, "a", 2);
    List<String> seen = new CopyOnWriteArrayList<>();
    start(
        settings("c1"),
        StreamEntryHandler.forPlatformEvents(e -> seen.add(e.id() + "@" + e.version())));
    publish(PlatformEvent.POLICY_REPEALED, "a", 3);

    await().atMost(DEADLINE).until(() -> seen.size() == 3);
    assertThat(seen).containsExactly("a@1", "a@2", "a@3");
    await().atMost(DEADLINE).until(() -> pending() == 0);
  }

  @Test
  void pendingEntriesOfADeadConsumerAreReclaimed() {
    redis.xgroupCreate(stream, "g", new StreamEntryID(0, 0), true);
    publish(PlatformEvent.POLICY_PUBLISHED, "x", 1);
    publish(PlatformEvent.POLICY_PUBLISHED, "y", 1);
    // a consumer reads both entries and dies before acknowledging them
    List<Map.Entry<String, List<StreamEntry>>> taken =
        redis.xreadGroup(
            "g",
            "dead-consumer",
            XReadGroupParams.xReadGroupParams().count(10),
            Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    assertThat(taken.get(0).getValue()).hasSize(2);
    assertThat(pending()).isEqualTo(2);

    List<String> seen = new CopyOnWriteArrayList<>();
    start(settings("survivor"), StreamEntryHandler.forPlatformEvents(e -> seen.add(e.id())));

    await().atMost(DEADLINE).until(() -> seen.size() == 2);
    assertThat(seen).containsExactlyInAnyOrder("x", "y");
    await().atMost(DEADLINE).until(() -> pending() == 0);
  }

  @Test
  void aConsumerRestartedUnderItsNameHandlesWhatItHadNotAcknowledged() {
    redis.xgroupCreate(stream, "g", new StreamEntryID(0, 0), true);
    publish(PlatformEvent.POLICY_PUBLISHED, "z", 1);
    redis.xreadGroup(
        "g",
        "pod-1",
        XReadGroupParams.xReadGroupParams().count(10),
        Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    List<String> seen = new CopyOnWriteArrayList<>();
    // claimIdle far away: only the own-backlog pass can deliver it
    start(
        settings("pod-1")
            .withTimings(Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)),
        StreamEntryHandler.forPlatformEvents(e -> seen.add(e.id())));
    await().atMost(DEADLINE).until(() -> seen.contains("z"));
    await().atMost(DEADLINE).until(() -> pending() == 0);
  }

  @Test
  void anEntryThatKeepsFailingGoesToTheDeadLetterStreamAfterMaxDeliveries() {
    publish(PlatformEvent.POLICY_PUBLISHED, "poison", 1);
    publish(PlatformEvent.POLICY_PUBLISHED, "good", 1);
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    start(
        settings("c1"),
        StreamEntryHandler.forPlatformEvents(
            e -> {
              attempts.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
              if (e.id().equals("poison")) {
                throw new IllegalStateException("cannot index this one");
              }
            }));
    String deadLetters = StreamConsumerSettings.deadLetterStreamOf(stream, "g");

    await().atMost(DEADLINE).until(() -> redis.xlen(deadLetters) == 1);
    Map<String, String> dead =
        redis.xrange(deadLetters, (StreamEntryID) null, (StreamEntryID) null).get(0).getFields();
    assertThat(dead)
        .containsEntry("id", "poison")
        .containsEntry("deadLetter.group", "g")
        .containsEntry("deadLetter.deliveries", "3");
    assertThat(dead.get("deadLetter.reason")).contains("cannot index this one");
    assertThat(attempts.get("poison")).hasValue(3);
    assertThat(attempts.get("good")).hasValue(1);
    await().atMost(DEADLINE).until(() -> pending() == 0);
  }

  @Test
  void aMalformedEntryGoesToTheDeadLetterStreamWithoutRetries() {
    redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("type", "policy.published", "id", "p"));
    AtomicInteger handled = new AtomicInteger();
    start(settings("c1"), StreamEntryHandler.forPlatformEvents(e -> handled.incrementAndGet()));
    String deadLetters = StreamConsumerSettings.deadLetterStreamOf(stream, "g");

    await().atMost(DEADLINE).until(() -> redis.xlen(deadLetters) == 1);
    assertThat(
            redis
                .xrange(deadLetters, (StreamEntryID) null, (StreamEntryID) null)
                .get(0)
                .getFields())
        .containsEntry("deadLetter.deliveries", "1");
    assertThat(handled).hasValue(0);
    await().atMost(DEADLINE).until(() -> pending() == 0);
  }

  @Test
  void aDependencyOutageDoesNotUseUpDeliveries() {
    publish(PlatformEvent.POLICY_PUBLISHED, "p", 1);
    AtomicInteger attempts = new AtomicInteger();
    start(
        settings("c1").withRetries(1, Duration.ofMillis(10), Duration.ofMillis(50)),
        StreamEntryHandler.forPlatformEvents(
            e -> {
              if (attempts.incrementAndGet() <= 4) {
                throw new RetryLaterException("Elasticsearch is down", null);
              }
            }));

    await().atMost(DEADLINE).until(() -> attempts.get() == 5 && pending() == 0);
    assertThat(redis.exists(StreamConsumerSettings.deadLetterStreamOf(stream, "g"))).isFalse();
  }

  @Test
  void stopEndsABlockedReadAndLeavesUnreadEntriesForLater() {
    StreamConsumer consumer =
        start(
            settings("c1")
                .withTimings(
                    Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(60)),
            (id, fields) -> {});
    await().atMost(DEADLINE).until(() -> redis.exists(stream));
    assertThat(consumer.stop(Duration.ofSeconds(10))).isTrue();
    assertThat(consumer.isRunning()).isFalse();

    publish(PlatformEvent.POLICY_PUBLISHED, "later", 1);
    assertThat(redis.xpending(stream, "g").getTotal()).isZero();
    assertThat(redis.xlen(stream)).isEqualTo(1);
  }

  @Test
  void anUnreachableRedisIsRetriedWithGrowingPauses() throws IOException {
    // a server that accepts connections and closes them at once: every command fails
    List<Long> attempts = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket server = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket socket = server.accept()) {
                    attempts.add(System.nanoTime());
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      try (JedisPooled broken =
          new JedisPooled(
              new HostAndPort("127.0.0.1", server.getLocalPort()),
              DefaultJedisClientConfig.builder().socketTimeoutMillis(500).build())) {
        StreamConsumer consumer =
            new StreamConsumer(
                broken,
                settings("c1").withRetries(3, Duration.ofMillis(20), Duration.ofSeconds(5)),
                (id, fields) -> {});
        consumer.start();
        await().atMost(DEADLINE).until(() -> attempts.size() >= 5);
        assertThat(consumer.isRunning()).isTrue();
        assertThat(consumer.stop(Duration.ofSeconds(10))).isTrue();
      }
    }
    List<Long> times = List.copyOf(attempts);
    long firstGap = times.get(2) - times.get(1);
    long laterGap = times.get(4) - times.get(3);
    assertThat(laterGap).as("pauses grow (exponential back-off)").isGreaterThan(firstGap);
  }
}
