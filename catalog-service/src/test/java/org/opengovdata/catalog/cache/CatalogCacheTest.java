package org.opengovdata.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class CatalogCacheTest {

  @Test
  void anUnreachableRedisMeansComputingEveryTimeNeverAnError() {
    try (JedisPooled closedPort =
        new JedisPooled(
            new HostAndPort("127.0.0.1", 1),
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(200)
                .socketTimeoutMillis(200)
                .build())) {
      CatalogCache cache =
          new CatalogCache(closedPort, JsonMapper.builder().build(), Clock.systemUTC());
      AtomicInteger computed = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        Long value =
            cache.get(
                "test",
                "stamp",
                "key",
                new TypeReference<Long>() {},
                () -> (long) computed.incrementAndGet());
        assertThat(value).isEqualTo(i + 1L);
      }
      assertThat(computed).hasValue(3);
    }
  }

  /**
   * A hung Redis (accepts, never answers) costs one timeout, then is left alone for the back-off:
   * counted on the wire — the server sees no new bytes while the back-off lasts.
   */
  @Test
  void afterAFailureRedisIsLeftAloneForTheBackOff() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (HungRedis hung = new HungRedis(clock)) {
      assertThat(hung.readOne()).isEqualTo(1L);
      long afterFirstFailure = hung.received();
      assertThat(afterFirstFailure).as("the first read reached Redis").isPositive();

      clock.advance(Duration.ofSeconds(4));
      assertThat(hung.readOne()).isEqualTo(1L);
      assertThat(hung.received())
          .as("no Redis traffic during the back-off")
          .isEqualTo(afterFirstFailure);
    }
  }

  /**
   * The back-off ends: once it is over the cache asks Redis again (a back-off that never ended
   * would leave a recovered Redis unused until a restart) — seen on the wire as new bytes.
   */
  @Test
  void afterTheBackOffRedisIsUsedAgain() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (HungRedis hung = new HungRedis(clock)) {
      assertThat(hung.readOne()).isEqualTo(1L);
      await().atMost(Duration.ofSeconds(10)).until(() -> hung.received() > 0);
      long afterFirstFailure = hung.received();

      clock.advance(Duration.ofSeconds(6));
      assertThat(hung.readOne()).isEqualTo(1L);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(hung.received())
                      .as("Redis is asked again once the back-off is over")
                      .isGreaterThan(afterFirstFailure));
    }
  }

  /**
   * A Redis that accepts connections and never answers, counting the bytes clients send, and a
   * cache in front of it on a given clock.
   */
  private static final class HungRedis implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicLong received = new AtomicLong();
    private final JedisPooled client;
    private final CatalogCache cache;

    HungRedis(Clock clock) throws IOException {
      Thread acceptor = new Thread(this::accept);
      acceptor.setDaemon(true);
      acceptor.start();
      client =
          new JedisPooled(
              new HostAndPort("127.0.0.1", server.getLocalPort()),
              DefaultJedisClientConfig.builder()
                  .connectionTimeoutMillis(200)
                  .socketTimeoutMillis(200)
                  .build());
      cache = new CatalogCache(client, JsonMapper.builder().build(), clock);
    }

    /** The value 1 read through the cache (computed: this Redis never answers). */
    Long readOne() {
      return cache.get("test", "s", "k", new TypeReference<Long>() {}, () -> 1L);
    }

    long received() {
      return received.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Thread reader = new Thread(() -> count(client));
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return; // closed at the end of the test
        }
      }
    }

    /** Counts what a client sends; never answers. */
    private void count(Socket client) {
      try (client) {
        byte[] buffer = new byte[1024];
        int n;
        while ((n = client.getInputStream().read(buffer)) > 0) {
          received.addAndGet(n);
        }
      } catch (IOException e) {
        // the client gave up or the test ended
      }
    }

    @Override
    public void close() throws IOException {
      client.close();
      server.close();
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
