package org.opengovdata.common.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * One member of a Redis Streams consumer group (DESIGN.md "Events"), on its own thread:
 *
 * <ol>
 *   <li>creates the group if it is missing ({@code XGROUP CREATE … 0 MKSTREAM}: a new group reads
 *       the stream from its start, so nothing published before the first start is lost);
 *   <li>first handles what this consumer had read but not acknowledged before a restart;
 *   <li>reads new entries ({@code XREADGROUP … BLOCK}), hands each to the handler, then {@code
 *       XACK}s it — at-least-once delivery, so handlers are idempotent;
 *   <li>every {@code claimInterval} takes over entries pending longer than {@code claimIdle}
 *       ({@code XAUTOCLAIM}): those of a consumer that died, and its own failed ones (the retry);
 *   <li>after {@code maxDeliveries} failed deliveries, or at once for a {@link
 *       PoisonEntryException}, copies the entry with the reason to the dead-letter stream and
 *       acknowledges it;
 *   <li>while Redis or a dependency ({@link RetryLaterException}) is down, pauses with exponential
 *       back-off instead of spinning or dropping entries;
 *   <li>{@link #stop} ends the loop after the read or handler in progress, leaving nothing
 *       half-done.
 * </ol>
 *
 * <p>Entries are handled one at a time in stream order. Not a Spring bean by itself: a service
 * wraps it in its lifecycle (see search-service's indexer).
 */
public final class StreamConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
  private static final long DEAD_LETTER_MAX_LENGTH = 100_000;

  private final UnifiedJedis redis;
  private final StreamConsumerSettings settings;
  private final StreamEntryHandler handler;
  private final Object pauseLock = new Object();

  private volatile boolean running;
  private Thread thread;
  private boolean groupReady;
  private boolean ownBacklogDone;
  private long nextClaimNanos;
  private StreamEntryID claimCursor = new StreamEntryID(0, 0);
  private Duration backoff;
  private boolean outage;

  public StreamConsumer(
      UnifiedJedis redis, StreamConsumerSettings settings, StreamEntryHandler handler) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.backoff = settings.backoffInitial();
  }

  public StreamConsumerSettings settings() {
    return settings;
  }

  /** Starts the consumer thread; does nothing when it runs already. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "stream-consumer-" + settings.group());
    thread.setDaemon(true);
    thread.start();
  }

  public boolean isRunning() {
    return running && thread != null && thread.isAlive();
  }

  /**
   * Asks the loop to end and waits up to {@code timeout} for it: the read or handler in progress
   * completes (and is acknowledged); nothing new starts. Entries not acknowledged stay pending for
   * this consumer's next start or another consumer.
   *
   * @return whether the thread ended within the timeout
   */
  public boolean stop(Duration timeout) {
    Thread current;
    synchronized (this) {
      running = false;
      current = thread;
    }
    synchronized (pauseLock) {
      pauseLock.notifyAll();
    }
    if (current == null) {
      return true;
    }
    try {
      current.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !current.isAlive();
  }

  @Override
  public void close() {
    stop(settings.block().plusSeconds(5));
  }

  private void run() {
    log.info(
        "consumer {} of group {} on stream {} started",
        settings.consumer(),
        settings.group(),
        settings.stream());
    while (running) {
      try {
        ensureGroup();
        if (!ownBacklogDone) {
          handleOwnBacklog();
          ownBacklogDone = true;
        }
        if (System.nanoTime() - nextClaimNanos >= 0) {
          reclaimIdleEntries();
          nextClaimNanos = System.nanoTime() + settings.claimInterval().toNanos();
        }
        readNewEntries();
        recovered();
      } catch (JedisDataException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
          // the stream or group was deleted under us: create it again on the next turn
          groupReady = false;
        } else {
          redisFailed(e);
        }
      } catch (JedisException e) {
        redisFailed(e);
      } catch (RuntimeException e) {
        log.error("stream consumer {} failed unexpectedly; pausing", settings.group(), e);
        pause();
      }
    }
    log.info("consumer {} of group {} stopped", settings.consumer(), settings.group());
  }

  private void ensureGroup() {
    if (groupReady) {
      return;
    }
    try {
      redis.xgroupCreate(settings.stream(), settings.group(), new StreamEntryID(0, 0), true);
      log.info("created consumer group {} on {}", settings.group(), settings.stream());
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
    groupReady = true;
  }

  /** Entries this consumer name read before a restart and never acknowledged. */
  private void handleOwnBacklog() {
    StreamEntryID after = new StreamEntryID(0, 0);
    while (running) {
      List<StreamEntry> entries = read(after, false);
      if (entries.isEmpty()) {
        return;
      }
      handleAll(entries, true);
      after = entries.get(entries.size() - 1).getID();
    }
  }

  private void readNewEntries() {
    List<StreamEntry> entries = read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, true);
    handleAll(entries, false);
  }

  private List<StreamEntry> read(StreamEntryID from, boolean block) {
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(settings.batchSize());
    if (block) {
      params.block(Math.toIntExact(settings.block().toMillis()));
    }
    List<Map.Entry<String, List<StreamEntry>>> result =
        redis.xreadGroup(
            settings.group(), settings.consumer(), params, Map.of(settings.stream(), from));
    if (result == null || result.isEmpty()) {
      return List.of();
    }
    List<StreamEntry> entries = new ArrayList<>();
    result.forEach(stream -> entries.addAll(stream.getValue()));
    return entries;
  }

  private void reclaimIdleEntries() {
    Map.Entry<StreamEntryID, List<StreamEntry>> claimed =
        redis.xautoclaim(
            settings.stream(),
            settings.group(),
            settings.consumer(),
            settings.claimIdle().toMillis(),
            claimCursor,
            XAutoClaimParams.xAutoClaimParams().count(settings.batchSize()));
    claimCursor = claimed.getKey();
    if (!claimed.getValue().isEmpty()) {
      log.info(
          "group {}: reclaimed {} entries idle for more than {}",
          settings.group(),
          claimed.getValue().size(),
          settings.claimIdle());
      handleAll(claimed.getValue(), true);
    }
  }

  /**
   * @param redelivered whether these entries may have been delivered before (their delivery count
   *     is then looked up, so that poison entries end up in the dead-letter stream)
   */
  private void handleAll(List<StreamEntry> entries, boolean redelivered) {
    Map<StreamEntryID, Long> deliveries = redelivered ? deliveryCounts(entries) : Map.of();
    for (StreamEntry entry : entries) {
      if (!running) {
        return; // stays pending: this consumer's next start or another consumer handles it
      }
      handle(entry, deliveries.getOrDefault(entry.getID(), 1L));
    }
  }

  private Map<StreamEntryID, Long> deliveryCounts(List<StreamEntry> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    List<StreamPendingEntry> pending =
        redis.xpending(
            settings.stream(),
            settings.group(),
            XPendingParams.xPendingParams(
                    entries.get(0).getID(), entries.get(entries.size() - 1).getID(), entries.size())
                .consumer(settings.consumer()));
    Map<StreamEntryID, Long> counts = new LinkedHashMap<>();
    pending.forEach(p -> counts.put(p.getID(), p.getDeliveredTimes()));
    return counts;
  }

  private void handle(StreamEntry entry, long deliveries) {
    String id = entry.getID().toString();
    if (entry.getFields() == null || entry.getFields().isEmpty()) {
      acknowledge(entry); // trimmed from the stream while pending: nothing left to do
      return;
    }
    if (deliveries > settings.maxDeliveries()) {
      deadLetter(entry, deliveries, "delivered " + deliveries + " times without success");
      return;
    }
    while (running) {
      try {
        handler.handle(id, entry.getFields());
        acknowledge(entry);
        return;
      } catch (RetryLaterException e) {
        log.warn(
            "group {}: entry {} must wait ({}); retrying in {}",
            settings.group(),
            id,
            e.getMessage(),
            backoff);
        pause();
      } catch (PoisonEntryException e) {
        deadLetter(entry, deliveries, e.getMessage());
        return;
      } catch (JedisException e) {
        throw e;
      } catch (Exception e) {
        if (deliveries >= settings.maxDeliveries()) {
          log.error("group {}: entry {} failed for the last time", settings.group(), id, e);
          deadLetter(entry, deliveries, e.getClass().getSimpleName() + ": " + e.getMessage());
        } else {
          log.warn(
              "group {}: entry {} failed (delivery {} of {}); it is retried after {}",
              settings.group(),
              id,
              deliveries,
              settings.maxDeliveries(),
              settings.claimIdle(),
              e);
        }
        return;
      }
    }
  }

  private void acknowledge(StreamEntry entry) {
    redis.xack(settings.stream(), settings.group(), entry.getID());
  }

  private void deadLetter(StreamEntry entry, long deliveries, String reason) {
    Map<String, String> fields = new LinkedHashMap<>(entry.getFields());
    fields.put("deadLetter.entryId", entry.getID().toString());
    fields.put("deadLetter.stream", settings.stream());
    fields.put("deadLetter.group", settings.group());
    fields.put("deadLetter.consumer", settings.consumer());
    fields.put("deadLetter.deliveries", Long.toString(deliveries));
    fields.put("deadLetter.reason", reason == null ? "unknown" : reason);
    redis.xadd(
        settings.deadLetterStream(),
        XAddParams.xAddParams().maxLen(DEAD_LETTER_MAX_LENGTH).approximateTrimming(),
        fields);
    acknowledge(entry);
    log.error(
        "group {}: entry {} moved to {} ({})",
        settings.group(),
        entry.getID(),
        settings.deadLetterStream(),
        reason);
  }

  private void redisFailed(JedisException e) {
    if (!outage) {
      log.warn(
          "group {}: Redis is not answering ({}); retrying with back-off up to {}",
          settings.group(),
          e.getMessage(),
          settings.backoffMax());
      outage = true;
    }
    pause();
  }

  private void recovered() {
    if (outage) {
      log.info("group {}: Redis answers again", settings.group());
      outage = false;
    }
    backoff = settings.backoffInitial();
  }

  /** Waits the current back-off (or less, when stopped) and doubles it up to the maximum. */
  private void pause() {
    long millis = backoff.toMillis();
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : doubled;
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (pauseLock) {
      while (running) {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
          return;
        }
        try {
          pauseLock.wait(remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
          return;
        }
      }
    }
  }
}
