package org.opengovdata.common.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How one member of a Redis Streams consumer group reads: which stream and group, its own name in
 * the group, and the timings of blocking reads, reclaiming, retries and back-off.
 *
 * @param stream the stream key, usually {@link PlatformEvent#STREAM}
 * @param group the consumer group (e.g. {@code search-indexer}, {@code archive-capture})
 * @param consumer this consumer's name in the group; stable per instance (e.g. the pod name), so a
 *     restarted instance finds its own pending entries again
 * @param batchSize entries per {@code XREADGROUP} / {@code XAUTOCLAIM}
 * @param block how long one {@code XREADGROUP} waits for new entries; also the longest a stop waits
 *     for a read in progress
 * @param claimIdle an entry pending this long (its consumer died, or its handling failed) is
 *     reclaimed with {@code XAUTOCLAIM} and delivered again
 * @param claimInterval how often to look for such entries
 * @param maxDeliveries an entry delivered this often without success goes to the dead-letter stream
 * @param deadLetterStream where poison entries go (with the reason), so that they stop blocking
 * @param backoffInitial first pause after Redis or a dependency failed; doubles up to {@code
 *     backoffMax}
 * @param backoffMax longest pause between attempts
 */
public record StreamConsumerSettings(
    String stream,
    String group,
    String consumer,
    int batchSize,
    Duration block,
    Duration claimIdle,
    Duration claimInterval,
    int maxDeliveries,
    String deadLetterStream,
    Duration backoffInitial,
    Duration backoffMax) {

  public StreamConsumerSettings {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(claimIdle, "claimIdle");
    Objects.requireNonNull(claimInterval, "claimInterval");
    Objects.requireNonNull(deadLetterStream, "deadLetterStream");
    Objects.requireNonNull(backoffInitial, "backoffInitial");
    Objects.requireNonNull(backoffMax, "backoffMax");
    if (batchSize < 1 || maxDeliveries < 1) {
      throw new IllegalArgumentException("batchSize and maxDeliveries must be at least 1");
    }
    if (block.isNegative() || block.isZero()) {
      // BLOCK 0 waits forever, and a consumer that never returns cannot stop cleanly
      throw new IllegalArgumentException("block must be positive");
    }
  }

  /**
   * The platform's defaults for a group on {@link PlatformEvent#STREAM}: batches of 50, 2 s
   * blocking reads, entries idle for 60 s reclaimed, five deliveries before the dead-letter stream
   * {@code opendata.events.dead-letter.<group>}, back-off from 200 ms to 30 s.
   */
  public static StreamConsumerSettings defaults(String group, String consumer) {
    return new StreamConsumerSettings(
        PlatformEvent.STREAM,
        group,
        consumer,
        50,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        5,
        deadLetterStreamOf(PlatformEvent.STREAM, group),
        Duration.ofMillis(200),
        Duration.ofSeconds(30));
  }

  /** The dead-letter stream of a group: {@code <stream>.dead-letter.<group>}. */
  public static String deadLetterStreamOf(String stream, String group) {
    return stream + ".dead-letter." + group;
  }

  public StreamConsumerSettings withStream(String stream) {
    return new StreamConsumerSettings(
        stream,
        group,
        consumer,
        batchSize,
        block,
        claimIdle,
        claimInterval,
        maxDeliveries,
        deadLetterStreamOf(stream, group),
        backoffInitial,
        backoffMax);
  }

  public StreamConsumerSettings withTimings(
      Duration block, Duration claimIdle, Duration claimInterval) {
    return new StreamConsumerSettings(
        stream,
        group,
        consumer,
        batchSize,
        block,
        claimIdle,
        claimInterval,
        maxDeliveries,
        deadLetterStream,
        backoffInitial,
        backoffMax);
  }

  public StreamConsumerSettings withRetries(
      int maxDeliveries, Duration backoffInitial, Duration backoffMax) {
    return new StreamConsumerSettings(
        stream,
        group,
        consumer,
        batchSize,
        block,
        claimIdle,
        claimInterval,
        maxDeliveries,
        deadLetterStream,
        backoffInitial,
        backoffMax);
  }

  public StreamConsumerSettings withBatchSize(int batchSize) {
    return new StreamConsumerSettings(
        stream,
        group,
        consumer,
        batchSize,
        block,
        claimIdle,
        claimInterval,
        maxDeliveries,
        deadLetterStream,
        backoffInitial,
        backoffMax);
  }
}
