package org.opengovdata.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window counting in this gateway's memory, used while Redis is slow or down. Limits are then
 * per gateway instance rather than cluster-wide — looser, but never unlimited.
 */
class LocalWindowCounter {

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  long increment(RatePolicy policy, long nowMillis) {
    if (calls.incrementAndGet() % 1024 == 0) {
      windows.values().removeIf(window -> window.endsAtMillis() <= nowMillis);
    }
    long endsAt = (policy.windowIndex(nowMillis) + 1) * policy.window().toMillis();
    return windows
        .computeIfAbsent(policy.counterKey(nowMillis), k -> new Window(new AtomicLong(), endsAt))
        .count()
        .incrementAndGet();
  }

  /** Windows held in memory (ended ones are dropped every 1024 calls). */
  int windows() {
    return windows.size();
  }

  private record Window(AtomicLong count, long endsAtMillis) {}
}
