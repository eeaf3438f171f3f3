package org.opengovdata.search.cache;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opengovdata.search.index.IndexProperties;
import org.opengovdata.search.index.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Popular search answers, cached in Redis under the index generation: every write to an index
 * increments {@code <prefix>search:generation}, so that answers computed before the change are
 * never served again (they expire on their own). Redis failing only turns the cache off for that
 * request — searches never depend on it.
 *
 * <p>A write is visible to searches only after the next refresh of the index, so an answer computed
 * between the write and that refresh would be cached under the new generation without the change.
 * The periodic refresh cannot be waited for (it lags on a loaded node, and an index that was bulk
 * loaded has no search-idle refresh), so shortly after a change the cache <em>settles</em> it: it
 * refreshes the indices itself and only then advances the generation once more. Every answer under
 * that generation is computed after the refresh and therefore includes the change.
 */
@Component
public class QueryCache {

  private static final Logger log = LoggerFactory.getLogger(QueryCache.class);

  /** Pause before retrying a settle step whose refresh failed (Elasticsearch down). */
  private static final Duration SETTLE_RETRY = Duration.ofSeconds(5);

  private final JedisPooled redis;
  private final JsonMapper json;
  private final CacheProperties properties;
  private final SearchIndices indices;
  private final String generationKey;
  private final String keyPrefix;

  private final AtomicBoolean settlePending = new AtomicBoolean();
  private final AtomicInteger unsettled = new AtomicInteger();
  private final ScheduledExecutorService settler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-cache-settle");
            t.setDaemon(true);
            return t;
          });
  private volatile long lastSettleAt = System.nanoTime() - Duration.ofHours(1).toNanos();
  private volatile long generation = -1;
  private volatile long generationReadAt;

  public QueryCache(
      JedisPooled redis,
      JsonMapper json,
      CacheProperties properties,
      IndexProperties index,
      SearchIndices indices) {
    this.redis = redis;
    this.json = json;
    this.properties = properties;
    this.indices = indices;
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
      // the generation is read before the answer is computed: see settle()
      redisKey = keyPrefix + currentGeneration() + ":" + hash(key);
      String cached = redis.get(redisKey);
      if (cached != null) {
        return json.readValue(cached, type);
      }
    } catch (JedisException | JacksonException e) {
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
   * Called after every change to an index: earlier answers are no longer reachable at once, and one
   * settle step (for any number of changes meanwhile) follows — at once after a quiet period, else
   * {@code settle-delay} after the previous step, so that a burst of changes costs at most one
   * refresh per {@code settle-delay} while a single publication is searchable without waiting.
   */
  public void invalidate() {
    if (!properties.enabled()) {
      return;
    }
    advance();
    long sinceLast = System.nanoTime() - lastSettleAt;
    scheduleSettle(Duration.ofNanos(Math.max(0, properties.settleDelay().toNanos() - sinceLast)));
  }

  private void scheduleSettle(Duration delay) {
    if (settlePending.compareAndSet(false, true)) {
      unsettled.incrementAndGet();
      try {
        settler.schedule(this::settle, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // shutting down
        settlePending.set(false);
        unsettled.decrementAndGet();
      }
    }
  }

  /**
   * Refreshes the indices, then advances the generation. A change acknowledged before the refresh
   * request is visible once it returns; the generation read by {@link #get} before computing an
   * answer can only be the new one if it was read after the refresh, so no answer cached under it
   * misses the change.
   */
  private void settle() {
    // changes from here on schedule their own step
    settlePending.set(false);
    lastSettleAt = System.nanoTime();
    try {
      indices.refresh();
      advance();
    } catch (IOException | RuntimeException e) {
      log.debug("could not refresh the indices to settle the search cache: {}", e.getMessage());
      scheduleSettle(SETTLE_RETRY);
    } finally {
      unsettled.decrementAndGet();
    }
  }

  /** Whether no settle step is scheduled or running (tests). */
  boolean settled() {
    return unsettled.get() == 0;
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

  @PreDestroy
  void stop() {
    settler.shutdownNow();
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
