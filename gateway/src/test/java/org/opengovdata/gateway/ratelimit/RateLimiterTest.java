package org.opengovdata.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The rate limiter without Spring, against the real test Redis behind a proxy that can make Redis
 * hang: counting in Redis, local counting when it hangs, the circuit that then stops asking it, and
 * — what a permanent back-off would break — Redis used again once the back-off is over.
 */
class RateLimiterTest {

  private static final Duration OPEN_WAIT = Duration.ofMillis(300);

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:10Z"), ZoneOffset.UTC);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PausableProxy proxy;
  private LettuceConnectionFactory connections;
  private ReactiveStringRedisTemplate redis;
  private CircuitBreaker breaker;
  private RateLimiter limiter;
  private RatePolicy policy;

  @BeforeEach
  void start() {
    URI url = URI.create(TestInfrastructure.redisUrl());
    proxy = new PausableProxy(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379);
    RedisStandaloneConfiguration target =
        new RedisStandaloneConfiguration("127.0.0.1", proxy.port());
    String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
    target.setDatabase(path.isEmpty() ? 0 : Integer.parseInt(path));
    connections =
        new LettuceConnectionFactory(
            target,
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
    connections.afterPropertiesSet();
    connections.start();
    redis = new ReactiveStringRedisTemplate(connections);
    redis
        .hasKey("warm-up")
        .block(Duration.ofSeconds(10)); // connect before the 100 ms budget applies
    CircuitBreakerRegistry breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_WAIT)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    RateLimitProperties properties =
        new RateLimitProperties(null, Map.of(), Map.of(), Duration.ofSeconds(1), null);
    limiter = new RateLimiter(redis, properties, breakers, meters, clock);
    breaker = breakers.circuitBreaker("redis-ratelimit");
    policy =
        new RatePolicy("test:" + UUID.randomUUID(), RouteGroup.READ, 3, Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.resume();
    redis.delete(policy.counterKey(clock.millis())).block(Duration.ofSeconds(5));
    connections.destroy();
    proxy.close();
  }

  private long consumedCount() {
    return limiter.consume(policy).block(Duration.ofSeconds(5)).count();
  }

  private long countInRedis() {
    String value = redis.opsForValue().get(policy.counterKey(clock.millis())).block();
    return value == null ? 0 : Long.parseLong(value);
  }

  @Test
  void countsInRedisAndRefusesOverTheLimit() {
    assertThat(consumedCount()).isEqualTo(1);
    assertThat(consumedCount()).isEqualTo(2);
    assertThat(countInRedis()).isEqualTo(2);
    RateLimiter.Decision third = limiter.consume(policy).block();
    RateLimiter.Decision fourth = limiter.consume(policy).block();
    assertThat(third.allowed()).isTrue();
    assertThat(third.remaining()).isZero();
    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.secondsToReset()).isEqualTo(50);
    assertThat(meters.counter("gateway.ratelimit.fallback").count()).isZero();
  }

  @Test
  void hungRedisIsCountedLocallyThenSkippedThenUsedAgainAfterTheBackOff() {
    assertThat(consumedCount()).isEqualTo(1);

    proxy.pause();
    // 1 success and 2 time-outs: over the 50 % failure rate at the minimum of 3 calls
    for (int i = 1; i <= 2; i++) {
      assertThat(consumedCount()).as("local count").isEqualTo(i);
    }
    assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(2);
    assertThat(breaker.getState()).as("circuit").isNotEqualTo(CircuitBreaker.State.CLOSED);

    // open circuit: Redis is not asked at all — nothing more reaches it, the calls are refused
    long sent = proxy.bytesFromClients();
    long notPermitted = breaker.getMetrics().getNumberOfNotPermittedCalls();
    RateLimiter.Decision refused = null;
    for (int i = 0; i < 5; i++) {
      refused = limiter.consume(policy).block(Duration.ofSeconds(5));
    }
    assertThat(proxy.bytesFromClients()).as("bytes sent to Redis while open").isEqualTo(sent);
    assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(notPermitted + 5);
    assertThat(refused.allowed()).as("local limit still applies").isFalse();

    // Redis is back: once the back-off is over, requests are counted in Redis again
    proxy.resume();
    long before = countInRedis(); // read after the held INCRs: one connection, answers in order
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              limiter.consume(policy).block(Duration.ofSeconds(5));
              assertThat(countInRedis()).isGreaterThan(before);
            });
    assertThat(breaker.getState()).isNotEqualTo(CircuitBreaker.State.OPEN);
  }
}
