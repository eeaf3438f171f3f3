package org.opengovdata.gateway.ratelimit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fixed-window rate limiting, cluster-wide in Redis. The stock Redis limiter waits on Redis for
 * every request; here a slow or dead Redis costs at most {@code redisTimeout} (100 ms), after which
 * the request is counted in local memory, and a circuit breaker skips Redis entirely until it
 * answers again. Each fallback is counted in the metric {@code gateway.ratelimit.fallback}.
 */
@Component
public class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** INCR and set the window's expiry in one round trip, atomically. */
  private static final RedisScript<Long> INCREMENT =
      RedisScript.of(
          """
          local count = redis.call('INCR', KEYS[1])
          if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
          return count
          """,
          Long.class);

  private final ReactiveStringRedisTemplate redis;
  private final RateLimitProperties properties;
  private final CircuitBreaker breaker;
  private final Counter fallbacks;
  private final LocalWindowCounter local = new LocalWindowCounter();
  private final Clock clock;

  RateLimiter(
      ReactiveStringRedisTemplate redis,
      RateLimitProperties properties,
      CircuitBreakerRegistry breakers,
      MeterRegistry meters,
      Clock clock) {
    this.redis = redis;
    this.properties = properties;
    this.breaker = breakers.circuitBreaker("redis-ratelimit");
    this.fallbacks =
        Counter.builder("gateway.ratelimit.fallback")
            .description("requests counted locally because Redis was slow or unavailable")
            .register(meters);
    this.clock = clock;
  }

  /** The outcome for one request under a policy. */
  public record Decision(RatePolicy policy, long count, long secondsToReset) {
    public boolean allowed() {
      return count <= policy.limit();
    }

    public long remaining() {
      return Math.max(0, policy.limit() - count);
    }
  }

  public Mono<Decision> consume(RatePolicy policy) {
    long now = clock.millis();
    String key = policy.counterKey(now);
    // the window's key outlives the window a little, so a late request never resets it
    String expiryMillis = Long.toString(policy.window().toMillis() + 1000);
    return redis
        .execute(INCREMENT, List.of(key), List.of(expiryMillis))
        .next()
        // Lettuce may block while (re)connecting: never on the event loop
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(properties.redisTimeout())
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .onErrorResume(
            error -> {
              fallbacks.increment();
              log.debug("rate limit counted locally: {}", error.toString());
              return Mono.just(local.increment(policy, now));
            })
        .map(count -> new Decision(policy, count, policy.secondsToReset(now)));
  }
}
