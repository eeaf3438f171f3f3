package org.opengovdata.common.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.JedisPooled;

/**
 * Readiness contribution for Redis. The services only use Redis for caches and events, which
 * degrade gracefully, so an unreachable Redis is {@code DEGRADED} — reported, and mapped to HTTP
 * 200 — rather than {@code DOWN}, which would take a working service out of rotation.
 */
public class RedisHealthIndicator implements HealthIndicator {

  /** A dependency is failing but the service still does its job, more slowly. */
  public static final Status DEGRADED = new Status("DEGRADED", "Redis is not reachable");

  private final JedisPooled jedis;

  public RedisHealthIndicator(JedisPooled jedis) {
    this.jedis = jedis;
  }

  @Override
  public Health health() {
    try {
      return "PONG".equalsIgnoreCase(jedis.ping())
          ? Health.up().build()
          : Health.status(DEGRADED).build();
    } catch (RuntimeException e) {
      return Health.status(DEGRADED).withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
