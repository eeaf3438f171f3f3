package org.opengovdata.common.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.JedisPooled;

/**
 * Readiness contribution for Redis (Jedis). The services only use Redis for caches and events,
 * which degrade gracefully, so {@link RedisHealthRule} applies: an unreachable Redis is {@code
 * DEGRADED}, never {@code DOWN}.
 */
public class RedisHealthIndicator implements HealthIndicator {

  /** A dependency is failing but the service still does its job ({@link RedisHealthRule}). */
  public static final Status DEGRADED = RedisHealthRule.DEGRADED;

  private final JedisPooled jedis;

  public RedisHealthIndicator(JedisPooled jedis) {
    this.jedis = jedis;
  }

  @Override
  public Health health() {
    try {
      return RedisHealthRule.fromPing(jedis.ping());
    } catch (RuntimeException e) {
      return RedisHealthRule.unreachable(e);
    }
  }
}
