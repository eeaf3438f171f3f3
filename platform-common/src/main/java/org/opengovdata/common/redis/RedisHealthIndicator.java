package org.opengovdata.common.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import redis.clients.jedis.JedisPooled;

/** Readiness contribution: Redis answers PING within the client timeout. */
public class RedisHealthIndicator extends AbstractHealthIndicator {

  private final JedisPooled jedis;

  public RedisHealthIndicator(JedisPooled jedis) {
    super("Redis is not reachable");
    this.jedis = jedis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    String pong = jedis.ping();
    builder.status("PONG".equalsIgnoreCase(pong) ? "UP" : "DOWN");
  }
}
