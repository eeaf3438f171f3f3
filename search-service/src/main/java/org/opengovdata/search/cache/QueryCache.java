package org.opengovdata.search.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.opengovdata.search.index.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Popular search answers, cached in Redis under the index generation: every write to an index
 * increments {@code <prefix>search:generation}, so that answers computed before the change are
 * never served again (they expire on their own). Redis failing only turns the cache off for that
 * request — searches never depend on it.
 */
@Component
public class QueryCache {

  private static final Logger log = LoggerFactory.getLogger(QueryCache.class);

  private final JedisPooled redis;
  private final JsonMapper json;
  private final CacheProperties properties;
  private final String generationKey;
  private final String keyPrefix;

  /** Longer than the indices' refresh interval (1 s). */
  private static final java.time.Duration AFTER_REFRESH = java.time.Duration.ofMillis(1500);

  private final java.util.concurrent.atomic.AtomicBoolean delayedStepPending =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.ScheduledExecutorService delayed =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-cache-generation");
            t.setDaemon(true);
            return t;
          });
  private volatile long generation = -1;
  private volatile long generationReadAt;

  public QueryCache(
      JedisPooled redis, JsonMapper json, CacheProperties properties, IndexProperties index) {
    this.redis = redis;
    this.json = json;
    this.properties = properties;
    this.generationKey = index.prefix() + "search:generation";
    this.keyPrefix = index.prefix() + "search:answer:";
  }

  /** The cached answer for {@code key}, or computes, stores and returns it. */
  public <T> T get(String key, Class<T> type, Supplier<T> compute) {
    if (!properties.enabled()) {
      return compute.get();
    }
    String redisKey;
    try {
      redisKey = keyPrefix + currentGeneration() + ":" + hash(key);
      String cached = redis.get(redisKey);
      if (cached != null) {
        return json.readValue(cached, type);
      }
    } catch (JedisException | tools.jackson.core.JacksonException e) {
      log.debug("search cache unavailable: {}", e.getMessage());
      return compute.get();
    }
    T answer = compute.get();
    try {
      redis.setex(redisKey, properties.ttl().toSeconds(), json.writeValueAsString(answer));
    } catch (JedisException e) {
      log.debug("search cache unavailable: {}", e.getMessage());
    }
    return answer;
  }

  /**
   * Called after every change to an index: earlier answers are no longer reachable. A write becomes
   * visible to searches only at the next refresh (up to 1 s later), so an answer computed in
   * between would be cached under the new generation without the change; the generation therefore
   * advances once more after the refresh interval (one delayed step for any number of changes
   * meanwhile).
   */
  public void invalidate() {
    advance();
    if (delayedStepPending.compareAndSet(false, true)) {
      delayed.schedule(
          () -> {
            delayedStepPending.set(false);
            advance();
          },
          AFTER_REFRESH.toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  private void advance() {
    try {
      generation = redis.incr(generationKey);
      generationReadAt = System.nanoTime();
    } catch (JedisException e) {
      // without Redis there is nothing cached that could be served either
      log.debug("could not advance the search cache generation: {}", e.getMessage());
      generation = -1;
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    delayed.shutdownNow();
  }

  private long currentGeneration() {
    long now = System.nanoTime();
    if (generation < 0 || now - generationReadAt > properties.generationCheck().toNanos()) {
      String value = redis.get(generationKey);
      generation = value == null ? 0 : Long.parseLong(value);
      generationReadAt = now;
    }
    return generation;
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
              0,
              16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
