package org.opengovdata.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.gateway.caller.RouteGroup;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The rate limiter without Spring, two instances against the real test Redis, one of them behind a
 * proxy that can make Redis hang: decisions from memory, counts shared through Redis by the sync,
 * the remaining budget split between instances, local counting while Redis hangs, and the counts
 * cluster-wide again once it answers.
 */
class RateLimiterTest {

  /** Now, standing still: counters in Redis expire at the real end of their (one-day) window. */
  private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PausableProxy proxy;
  private LettuceConnectionFactory connections;
  private LettuceConnectionFactory directConnections;
  private ReactiveStringRedisTemplate redis;
  private RateLimiter limiter;
  private RateLimiter other;
  private RatePolicy policy;

  @BeforeEach
  void start() {
    URI url = URI.create(TestInfrastructure.redisUrl());
    int redisPort = url.getPort() > 0 ? url.getPort() : 6379;
    String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
    int database = path.isEmpty() ? 0 : Integer.parseInt(path);
    proxy = new PausableProxy(url.getHost(), redisPort);
    connections = connect("127.0.0.1", proxy.port(), database);
    directConnections = connect(url.getHost(), redisPort, database);
    redis = new ReactiveStringRedisTemplate(directConnections);
    RateLimitProperties properties =
        new RateLimitProperties(
            null, Map.of(), Map.of(), Duration.ofMillis(1000), Duration.ofMillis(100), null, null);
    limiter =
        new RateLimiter(new ReactiveStringRedisTemplate(connections), properties, meters, clock);
    other = new RateLimiter(redis, properties, new SimpleMeterRegistry(), clock);
    policy = new RatePolicy("test:" + UUID.randomUUID(), RouteGroup.READ, 10, Duration.ofDays(1));
  }

  private static LettuceConnectionFactory connect(String host, int port, int database) {
    RedisStandaloneConfiguration target = new RedisStandaloneConfiguration(host, port);
    target.setDatabase(database);
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            target,
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
    factory.afterPropertiesSet();
    factory.start();
    // connect before the short sync budget applies
    new ReactiveStringRedisTemplate(factory).hasKey("warm-up").block(Duration.ofSeconds(10));
    return factory;
  }

  @AfterEach
  void stop() throws Exception {
    proxy.resume();
    redis.delete(counterInRedis()).block(Duration.ofSeconds(5));
    connections.destroy();
    directConnections.destroy();
    proxy.close();
  }

  private String counterInRedis() {
    return policy.counterKey(clock.millis()) + ":i";
  }

  /** What the instances counted less what they gave back (the {@code |r} fields). */
  private long countInRedis() {
    return redis
        .<String, String>opsForHash()
        .entries(counterInRedis())
        .map(
            e ->
                e.getKey().endsWith("|r")
                    ? -Long.parseLong(e.getValue())
                    : Long.parseLong(e.getValue()))
        .reduce(0L, Long::sum)
        .block(Duration.ofSeconds(5));
  }

  private int allowed(RateLimiter instance, int requests) {
    int allowed = 0;
    for (int i = 0; i < requests; i++) {
      if (instance.consume(policy).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void decidesFromMemoryAndSharesTheCountThroughRedis() {
    long sent = proxy.bytesFromClients();
    RateLimiter.Decision first = limiter.consume(policy);
    assertThat(first.allowed()).isTrue();
    assertThat(first.remaining()).isEqualTo(9);
    assertThat(first.secondsToReset()).isBetween(1L, 86_400L);
    assertThat(allowed(limiter, 3)).isEqualTo(3);
    assertThat(proxy.bytesFromClients()).as("no Redis round trip per request").isEqualTo(sent);

    limiter.sync();
    assertThat(countInRedis()).isEqualTo(4);
    // the other instance has not synced yet: it knows nothing of the four
    assertThat(allowed(other, 4)).isEqualTo(4);
    other.sync();
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(8);
    // two left, two instances counting: one each until the next sync
    assertThat(allowed(limiter, 3)).isEqualTo(1);
    assertThat(allowed(other, 3)).isEqualTo(1);
    other.sync();
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(10);
    RateLimiter.Decision over = limiter.consume(policy);
    assertThat(over.allowed()).isFalse();
    assertThat(over.remaining()).isZero();
    assertThat(meters.counter("gateway.ratelimit.fallback").count()).isZero();
  }

  @Test
  void refundsAreSharedThroughRedisAndALateSyncNeverUndoesThem() {
    List<RateLimiter.Decision> counted = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      counted.add(limiter.consume(policy));
    }
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(6);

    RateLimiter.Decision back = limiter.refund(counted.get(0));
    assertThat(back.remaining()).isEqualTo(counted.get(0).remaining() + 1);
    limiter.refund(counted.get(1));
    limiter.sync();
    limiter.sync(); // the same absolute counts again: nothing twice
    assertThat(countInRedis()).isEqualTo(4);
    // the other instance learns of the refunds: 6 left between the two
    other.sync();
    limiter.sync();
    assertThat(allowed(other, 3) + allowed(limiter, 3)).isEqualTo(6);
    other.sync();
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(10);
    assertThat(limiter.consume(policy).allowed()).isFalse();

    // charged after the answer: counted even over the limit, never refused
    assertThat(limiter.charge(policy).allowed()).isTrue();
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(11);
    // a refusal is nothing to give back
    RateLimiter.Decision refused = limiter.consume(policy);
    assertThat(limiter.refund(refused)).isSameAs(refused);
    limiter.sync();
    assertThat(countInRedis()).isEqualTo(11);
  }

  @Test
  void hungRedisIsCountedLocallyThenCountedInRedisAgainByItself() {
    assertThat(allowed(limiter, 2)).isEqualTo(2);
    limiter.sync();
    double syncs = meters.counter("gateway.ratelimit.syncs").count();

    proxy.pause();
    assertThat(allowed(limiter, 1)).isEqualTo(1);
    limiter.sync(); // times out
    assertThat(meters.counter("gateway.ratelimit.syncs").count()).isEqualTo(syncs);
    // counted locally against the whole limit: 3 so far, 7 more, then refused — never unlimited
    assertThat(allowed(limiter, 10)).isEqualTo(7);
    assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(10);

    proxy.resume();
    limiter.sync(); // may still get the timed-out reply first: a later round gets through
    limiter.sync();
    assertThat(meters.counter("gateway.ratelimit.syncs").count()).isGreaterThan(syncs);
    assertThat(countInRedis()).as("what was counted locally reached Redis").isEqualTo(10);
    double fallbacks = meters.counter("gateway.ratelimit.fallback").count();
    limiter.consume(policy);
    assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(fallbacks);
  }
}
