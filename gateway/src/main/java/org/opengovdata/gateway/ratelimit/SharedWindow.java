package org.opengovdata.gateway.ratelimit;

/**
 * One rate-limit window as this gateway instance sees it: what the other instances had counted at
 * the last sync, plus what this instance let through ({@code mine}, the value it writes to its own
 * field in Redis — an absolute count, so a sync that timed out and still reaches Redis later counts
 * nothing twice). Between two syncs an instance may use at most its share of what was left — {@code
 * ceil(remaining / n)} for {@code n} instances counting this window — so that instances together
 * stay within the limit however the traffic is spread. While Redis cannot be reached the share is
 * lifted and the window is counted against the whole limit locally: per instance, looser, never
 * unlimited.
 *
 * <p>A request that turns out not to count — a {@code 304 Not Modified}, or a download charged in
 * the wrong group — is given back with {@link #refund}. Refunds are a second absolute count per
 * instance ({@code refunded}, its own field in Redis), never a decrement of {@code mine}: both only
 * grow, so a late sync can still never count anything twice, nor undo a refund.
 *
 * <p>Every method is {@code synchronized}: a few field updates, contended only by requests for the
 * same caller and window, and the sync thread once per interval.
 */
final class SharedWindow {

  private final int limit;
  private final long endsAtMillis;
  private final long windowMillis;
  private long mine;
  private long refunded;
  private long netAtSync;
  private long others;
  private long share;
  private int instances;
  private long lastUsedMillis;
  private long lastSyncedMine = -1;
  private long lastSyncedRefunded;

  /**
   * @param instances instances that counted the previous window of this caller and group (1 when
   *     unknown): the first interval of a window already splits the limit between them
   */
  SharedWindow(int limit, long endsAtMillis, long windowMillis, int instances) {
    this.limit = limit;
    this.endsAtMillis = endsAtMillis;
    this.windowMillis = windowMillis;
    this.instances = Math.max(1, instances);
    this.share = ceilDiv(limit, this.instances);
  }

  /** Whether one more request may pass, and the count it makes. */
  synchronized Acquired tryAcquire(long nowMillis, boolean redisUnreachable) {
    lastUsedMillis = nowMillis;
    long net = mine - refunded;
    long count = others + net + 1;
    boolean allowed = count <= limit && (redisUnreachable || net - netAtSync + 1 <= share);
    if (allowed) {
      mine++;
    }
    return new Acquired(allowed, count);
  }

  record Acquired(boolean allowed, long count) {}

  /**
   * Counts one request that was let through already (charged to this group after the answer showed
   * it belongs here): never refused, it only makes the next requests wait sooner.
   *
   * @return the count it makes
   */
  synchronized long charge(long nowMillis) {
    lastUsedMillis = nowMillis;
    mine++;
    return others + mine - refunded;
  }

  /** Gives one counted request back (at most as many as were counted). */
  synchronized void refund(long nowMillis) {
    if (refunded < mine) {
      lastUsedMillis = nowMillis;
      refunded++;
    }
  }

  /** What this instance has counted and given back in this window: its two fields in Redis. */
  synchronized Counts counts() {
    return new Counts(mine, refunded);
  }

  record Counts(long counted, long refunded) {
    long net() {
      return counted - refunded;
    }
  }

  /**
   * Redis answered: {@code total} is the cluster-wide count with this instance's fields set to
   * {@code sent}, {@code counting} the instances counting this window (this one included).
   */
  synchronized void synced(Counts sent, long total, int counting) {
    others = Math.max(0, total - sent.net());
    netAtSync = sent.net();
    lastSyncedMine = sent.counted();
    lastSyncedRefunded = sent.refunded();
    instances = Math.max(1, counting);
    long remaining = limit - total;
    share = remaining <= 0 ? 0 : ceilDiv(remaining, instances);
  }

  /** Used since {@code millis}, or counts Redis has not heard of yet. */
  synchronized boolean due(long millis) {
    return lastUsedMillis >= millis || mine != lastSyncedMine || refunded != lastSyncedRefunded;
  }

  synchronized int instances() {
    return instances;
  }

  long endsAtMillis() {
    return endsAtMillis;
  }

  /** Kept for one more window after it ended: its instance count seeds the next window. */
  boolean forgettable(long nowMillis) {
    return endsAtMillis + windowMillis <= nowMillis;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
