package org.opengovdata.gateway.ratelimit;

import java.time.Duration;
import org.opengovdata.gateway.caller.RouteGroup;

/** A limit as applied to one request: who is counted, in which group, how many per window. */
public record RatePolicy(String subject, RouteGroup group, int limit, Duration window) {

  /** The counter's name for the window that contains {@code epochMillis}. */
  String counterKey(long epochMillis) {
    return "gateway:rl:" + group.key() + ":" + subject + ":" + windowIndex(epochMillis);
  }

  long windowIndex(long epochMillis) {
    return epochMillis / window.toMillis();
  }

  /** Whole seconds until the window containing {@code epochMillis} ends (at least 1). */
  long secondsToReset(long epochMillis) {
    long end = (windowIndex(epochMillis) + 1) * window.toMillis();
    return Math.max(1, (end - epochMillis + 999) / 1000);
  }
}
