package org.opengovdata.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixed-window rate limiting, counted in this instance's memory and shared through Redis in the
 * background — the model of Kong's Rate Limiting Advanced ({@code sync_rate}) and APISIX {@code
 * limit-count} with delayed sync. A request never waits on Redis: it is decided against the
 * cluster-wide count read back at the last sync plus what this instance let through since. Every
 * {@code sync-interval} (100 ms) one script pushes this instance's deltas and reads the totals
 * back.
 *
 * <p>Between syncs an instance uses at most its share of the remaining budget ({@link
 * SharedWindow}); what can still get past the limit is what instances let through before they first
 * learn of each other in a window — at most one sync interval's requests per instance. When Redis
 * is slow or down, syncs fail, each instance counts against the whole limit locally (never
 * unlimited), every request decided so is counted in {@code gateway.ratelimit.fallback}, and the
 * next sync that succeeds makes the count cluster-wide again — by itself.
 */
@Component
public class RateLimiter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private static final int BATCH = 500;

  /**
   * For each window: set this instance's two absolute counts in the window's hash — field {@code
   * <instance>} what it counted, {@code <instance>|r} what it gave back (refunds) — each only ever
   * raised, set the expiry, and return the net total and the number of instances counting. ARGV[1]
   * = instance id, then per key: counted, refunded, expire-at (epoch ms).
   */
  private static final ByteBuffer SYNC =
      StandardCharsets.UTF_8.encode(
          """
          local out = {}
          local refunds = ARGV[1] .. '|r'
          for i, key in ipairs(KEYS) do
            local mine = tonumber(ARGV[3 * i - 1])
            local back = tonumber(ARGV[3 * i])
            local changed = false
            if mine > 0 and tonumber(redis.call('HGET', key, ARGV[1]) or '0') < mine then
              redis.call('HSET', key, ARGV[1], mine)
              changed = true
            end
            if back > 0 and tonumber(redis.call('HGET', key, refunds) or '0') < back then
              redis.call('HSET', key, refunds, back)
              changed = true
            end
            if changed then
              redis.call('PEXPIREAT', key, ARGV[3 * i + 1])
            end
            local total, counting = 0, 0
            local fields = redis.call('HGETALL', key)
            for j = 1, #fields, 2 do
              if string.sub(fields[j], -2) == '|r' then
                total = total - tonumber(fields[j + 1])
              else
                total = total + tonumber(fields[j + 1])
                counting = counting + 1
              end
            end
            if redis.call('HEXISTS', key, ARGV[1]) == 0 then counting = counting + 1 end
            out[#out + 1] = total
            out[#out + 1] = counting
          end
          return out
          """);

  private final ReactiveStringRedisTemplate redis;
  private final RateLimitProperties properties;
  private final Counter fallbacks;
  private final Counter syncs;
  private final Clock clock;
  private final String instance = UUID.randomUUID().toString().substring(0, 13);
  private final Map<String, SharedWindow> windows = new ConcurrentHashMap<>();
  private volatile boolean redisUnreachable;
  private volatile ScheduledExecutorService syncer;

  RateLimiter(
      ReactiveStringRedisTemplate redis,
      RateLimitProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.redis = redis;
    this.properties = properties;
    this.fallbacks =
        Counter.builder("gateway.ratelimit.fallback")
            .description("requests counted locally only because Redis was slow or unavailable")
            .register(meters);
    this.syncs =
        Counter.builder("gateway.ratelimit.syncs")
            .description("sync rounds in which Redis answered for every window due")
            .register(meters);
    this.clock = clock;
  }

  /**
   * The outcome for one request under a policy.
   *
   * @param countedAt when it was counted (its window is the one a refund goes to)
   */
  public record Decision(
      RatePolicy policy, long count, long secondsToReset, boolean allowed, long countedAt) {
    public long remaining() {
      return allowed ? Math.max(0, policy.limit() - count) : 0;
    }
  }

  /** Decides at once, from memory: no Redis round trip on the request path. */
  public Decision consume(RatePolicy policy) {
    long now = clock.millis();
    String key = policy.counterKey(now);
    SharedWindow window = windows.get(key);
    if (window == null) {
      window = windows.computeIfAbsent(key, k -> newWindow(policy, now));
    }
    boolean unreachable = redisUnreachable;
    if (unreachable) {
      fallbacks.increment();
    }
    SharedWindow.Acquired acquired = window.tryAcquire(now, unreachable);
    return new Decision(
        policy, acquired.count(), policy.secondsToReset(now), acquired.allowed(), now);
  }

  /**
   * Counts a request that was let through already, whatever the count: for a request found to
   * belong to this policy's group only once it was answered (a large download).
   */
  public Decision charge(RatePolicy policy) {
    long now = clock.millis();
    long count = window(policy, now).charge(now);
    return new Decision(policy, count, policy.secondsToReset(now), true, now);
  }

  /**
   * Gives back one request {@code decision} let through, in the window it was counted in (a 304, or
   * a download charged to the wrong group). The decision after the refund, for the headers.
   */
  public Decision refund(Decision decision) {
    if (!decision.allowed()) {
      return decision;
    }
    long now = clock.millis();
    RatePolicy policy = decision.policy();
    SharedWindow window = windows.get(policy.counterKey(decision.countedAt()));
    if (window == null || window.endsAtMillis() <= now) {
      return decision; // the window ended since: nothing left to give back
    }
    window.refund(now);
    return new Decision(
        policy,
        Math.max(0, decision.count() - 1),
        policy.secondsToReset(now),
        true,
        decision.countedAt());
  }

  private SharedWindow window(RatePolicy policy, long now) {
    String key = policy.counterKey(now);
    SharedWindow window = windows.get(key);
    return window != null ? window : windows.computeIfAbsent(key, k -> newWindow(policy, now));
  }

  private SharedWindow newWindow(RatePolicy policy, long now) {
    long windowMillis = policy.window().toMillis();
    SharedWindow previous = windows.get(policy.counterKey(now - windowMillis));
    long endsAt = (policy.windowIndex(now) + 1) * windowMillis;
    return new SharedWindow(
        policy.limit(), endsAt, windowMillis, previous == null ? 1 : previous.instances());
  }

  /**
   * One sync: every window used lately sends its delta and gets the cluster total back, in batches
   * of one script call each. Ended windows are dropped a window later (their instance count seeds
   * the next window).
   */
  void sync() {
    long now = clock.millis();
    windows.values().removeIf(w -> w.forgettable(now));
    long recently = now - Math.max(1000, 10 * properties.syncInterval().toMillis());
    List<Map.Entry<String, SharedWindow>> due = new ArrayList<>();
    for (Map.Entry<String, SharedWindow> entry : windows.entrySet()) {
      SharedWindow window = entry.getValue();
      if (window.endsAtMillis() > now && window.due(recently)) {
        due.add(entry);
      }
    }
    boolean answered = true;
    for (int from = 0; from < due.size(); from += BATCH) {
      answered &= syncBatch(due.subList(from, Math.min(due.size(), from + BATCH)));
    }
    if (answered && !due.isEmpty()) {
      syncs.increment();
    }
  }

  private boolean syncBatch(List<Map.Entry<String, SharedWindow>> batch) {
    int size = batch.size();
    ByteBuffer[] keysAndArgs = new ByteBuffer[size + 1 + 3 * size];
    SharedWindow.Counts[] sent = new SharedWindow.Counts[size];
    keysAndArgs[size] = bytes(instance);
    for (int i = 0; i < size; i++) {
      SharedWindow window = batch.get(i).getValue();
      sent[i] = window.counts();
      keysAndArgs[i] = bytes(batch.get(i).getKey() + ":i");
      keysAndArgs[size + 1 + 3 * i] = bytes(Long.toString(sent[i].counted()));
      keysAndArgs[size + 2 + 3 * i] = bytes(Long.toString(sent[i].refunded()));
      keysAndArgs[size + 3 + 3 * i] = bytes(Long.toString(window.endsAtMillis() + 1000));
    }
    try {
      // EVAL, not EVALSHA: the script is small, and there is no NOSCRIPT retry to wait for
      List<Long> reply =
          flatten(
              redis
                  .execute(
                      connection ->
                          connection
                              .scriptingCommands()
                              .<Object>eval(SYNC.duplicate(), ReturnType.MULTI, size, keysAndArgs))
                  .collectList()
                  .block(timeout()));
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).getValue().synced(sent[i], reply.get(2 * i), reply.get(2 * i + 1).intValue());
      }
      if (redisUnreachable) {
        log.info("rate limits are cluster-wide again (Redis answers)");
        redisUnreachable = false;
      }
      return true;
    } catch (RuntimeException error) {
      if (!redisUnreachable) {
        log.warn("rate limits counted per instance: Redis sync failed ({})", error.toString());
        redisUnreachable = true;
      }
      return false;
    }
  }

  private static ByteBuffer bytes(String value) {
    return StandardCharsets.UTF_8.encode(value);
  }

  private Duration timeout() {
    return properties.redisTimeout();
  }

  /** The script's array reply, however the driver hands it over (one list, or its elements). */
  private static List<Long> flatten(List<?> reply) {
    List<Long> values = new ArrayList<>();
    if (reply != null) {
      for (Object element : reply) {
        if (element instanceof List<?> nested) {
          nested.forEach(value -> values.add(((Number) value).longValue()));
        } else {
          values.add(((Number) element).longValue());
        }
      }
    }
    return values;
  }

  /** Windows held in memory. */
  int windows() {
    return windows.size();
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "ratelimit-sync");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.syncInterval().toMillis();
    executor.scheduleWithFixedDelay(this::syncQuietly, interval, interval, TimeUnit.MILLISECONDS);
    syncer = executor;
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException unexpected) {
      log.warn("rate-limit sync failed", unexpected);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = syncer;
    syncer = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return syncer != null;
  }
}
