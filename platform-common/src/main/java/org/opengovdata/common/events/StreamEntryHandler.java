package org.opengovdata.common.events;

import java.util.Map;

/**
 * Handles one stream entry for a {@link StreamConsumer}; must be idempotent, because an entry is
 * delivered at least once (again after a crash between the work and the {@code XACK}).
 *
 * <p>What the handler throws decides what happens to the entry:
 *
 * <ul>
 *   <li>nothing: the entry is acknowledged ({@code XACK});
 *   <li>{@link RetryLaterException}: a dependency is down; the consumer pauses (back-off) and tries
 *       the same entry again, without counting it as a failed delivery — an outage of Elasticsearch
 *       or of the catalog must not send good entries to the dead-letter stream;
 *   <li>{@link PoisonEntryException}: the entry can never succeed (malformed); it goes to the
 *       dead-letter stream at once;
 *   <li>anything else: the delivery failed; the entry stays pending, is reclaimed after {@code
 *       claimIdle} and delivered again, and goes to the dead-letter stream after {@code
 *       maxDeliveries}.
 * </ul>
 */
@FunctionalInterface
public interface StreamEntryHandler {

  void handle(String entryId, Map<String, String> fields) throws Exception;

  /** Handles entries of {@link PlatformEvent#STREAM}: a malformed entry is poison. */
  static StreamEntryHandler forPlatformEvents(PlatformEventHandler handler) {
    return (entryId, fields) -> {
      PlatformEvent event;
      try {
        event = PlatformEvent.fromFields(fields);
      } catch (IllegalArgumentException e) {
        throw new PoisonEntryException(e.getMessage(), e);
      }
      handler.handle(event);
    };
  }

  /** Handles one {@link PlatformEvent}; the same rules apply to what it throws. */
  @FunctionalInterface
  interface PlatformEventHandler {
    void handle(PlatformEvent event) throws Exception;
  }
}
