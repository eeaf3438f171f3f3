package org.opengovdata.gateway.ratelimit;

import java.time.Duration;
import org.opengovdata.common.redis.RedisHealthRule;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Health of the gateway's Redis by the platform's one rule ({@link RedisHealthRule}): {@code
 * DEGRADED} (HTTP 200) when it cannot be reached, because the gateway keeps working without it —
 * rate limits counted locally, keys from the local cache. Only the client differs from the
 * services' indicator: a reactive Lettuce {@code PING}, bounded, off the event loop.
 */
@Component("redisHealthIndicator")
class RedisHealth implements ReactiveHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final ReactiveRedisConnectionFactory connections;

  RedisHealth(ReactiveRedisConnectionFactory connections) {
    this.connections = connections;
  }

  @Override
  public Mono<Health> health() {
    return Mono.defer(() -> connections.getReactiveConnection().ping())
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(TIMEOUT)
        .map(RedisHealthRule::fromPing)
        .onErrorResume(error -> Mono.just(RedisHealthRule.unreachable(error)));
  }
}
