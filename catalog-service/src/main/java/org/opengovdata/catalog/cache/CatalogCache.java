package org.opengovdata.catalog.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-through cache of query results in Redis. Keys are {@code catalog:<kind>:<hash>} where the
 * hash covers the data's version stamp — a load bumps the stamp, so every entry computed before it
 * is simply never read again (and expires by TTL): invalidation without a delete that could be
 * missed.
 *
 * <p>The cache is an optimisation only. Any Redis error is logged (at most once a minute) and the
 * value is computed from the database; after an error Redis is left alone for a few seconds, so
 * that an unreachable Redis costs one timeout, not one per request.
 */
@Component
public class CatalogCache {

  private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration BACK_OFF = Duration.ofSeconds(5);
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final JedisPooled redis;
  private final JsonMapper json;
  private final Clock clock;
  private final AtomicReference<Instant> redisAvoidedUntil = new AtomicReference<>(Instant.MIN);
  private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

  CatalogCache(JedisPooled redis, JsonMapper json, Clock clock) {
    this.redis = redis;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The cached value of {@code key} under {@code stamp}, or {@code loader}'s value (then cached).
   *
   * @param kind what is cached, e.g. {@code summary}; part of the key
   */
  public <T> T get(
      String kind, String stamp, String key, TypeReference<T> type, Supplier<T> loader) {
    String redisKey = "catalog:" + kind + ":" + hash(stamp + "\n" + key);
    String cached = read(redisKey);
    if (cached != null) {
      try {
        return json.readValue(cached, type);
      } catch (RuntimeException e) {
        log.warn("Ignoring unreadable cache entry {}: {}", redisKey, e.getMessage());
      }
    }
    T value = loader.get();
    write(redisKey, json.writeValueAsString(value));
    return value;
  }

  private String read(String key) {
    if (avoidingRedis()) {
      return null;
    }
    try {
      return redis.get(key);
    } catch (RuntimeException e) {
      failed("read", e);
      return null;
    }
  }

  private void write(String key, String value) {
    if (avoidingRedis()) {
      return;
    }
    try {
      redis.setex(key, TTL.toSeconds(), value);
    } catch (RuntimeException e) {
      failed("write", e);
    }
  }

  private boolean avoidingRedis() {
    return clock.instant().isBefore(redisAvoidedUntil.get());
  }

  private void failed(String operation, RuntimeException e) {
    Instant now = clock.instant();
    redisAvoidedUntil.set(now.plus(BACK_OFF));
    Instant last = lastWarning.get();
    if (now.isAfter(last.plus(LOG_EVERY)) && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "Redis cache {} failed ({}); answering from the database, retrying Redis in {} s",
          operation,
          e.toString(),
          BACK_OFF.toSeconds());
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
