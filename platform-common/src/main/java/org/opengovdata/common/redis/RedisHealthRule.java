package org.opengovdata.common.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The platform's one rule for Redis health, whatever the client (Jedis in the services, Lettuce in
 * the gateway): every user of Redis degrades gracefully without it, so a Redis that does not answer
 * {@code PONG} is {@code DEGRADED} — reported, and mapped to HTTP 200 — never {@code DOWN}, which
 * would take a working instance out of rotation.
 */
public final class RedisHealthRule {

  /** A dependency is failing but the service still does its job, more slowly. */
  public static final Status DEGRADED = new Status("DEGRADED", "Redis is not reachable");

  private RedisHealthRule() {}

  /** Health from the reply to {@code PING}. */
  public static Health fromPing(String reply) {
    return "PONG".equalsIgnoreCase(reply) ? Health.up().build() : Health.status(DEGRADED).build();
  }

  /** Health when {@code PING} failed or timed out. */
  public static Health unreachable(Throwable error) {
    return Health.status(DEGRADED).withDetail("error", error.getClass().getSimpleName()).build();
  }
}
