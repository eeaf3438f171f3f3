package org.opengovdata.search.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A long operation's progress (DESIGN.md: jobs with state, processed/total, percent, ETA). Kept in
 * memory by {@link Jobs}; to be replaced by the platform's shared job package once it exists.
 */
public final class Job {

  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  private final UUID id = UUID.randomUUID();
  private final String kind;
  private final Clock clock;
  private final Instant startedAt;
  private volatile State state = State.RUNNING;
  private volatile long processed;
  private volatile Long total;
  private volatile Instant finishedAt;
  private volatile String detail;

  Job(String kind, Clock clock) {
    this.kind = kind;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  public UUID id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public State state() {
    return state;
  }

  public long processed() {
    return processed;
  }

  public Optional<Long> total() {
    return Optional.ofNullable(total);
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public void total(long total) {
    this.total = total;
  }

  public void progress(long processed) {
    this.processed = processed;
  }

  public void succeed(String detail) {
    this.detail = detail;
    this.finishedAt = clock.instant();
    this.state = State.SUCCEEDED;
  }

  public void fail(String detail) {
    this.detail = detail;
    this.finishedAt = clock.instant();
    this.state = State.FAILED;
  }

  /** Percent done, when the total is known. */
  public Optional<Double> percent() {
    Long t = total;
    if (state == State.SUCCEEDED) {
      return Optional.of(100.0);
    }
    if (t == null || t == 0) {
      return Optional.empty();
    }
    return Optional.of(Math.min(100.0, Math.round(processed * 1000.0 / t) / 10.0));
  }

  /** When the job should finish at its average rate so far; empty when finished or unknown. */
  public Optional<Instant> estimatedCompletion() {
    Long t = total;
    long done = processed;
    if (state != State.RUNNING || t == null || done == 0) {
      return Optional.empty();
    }
    Duration elapsed = Duration.between(startedAt, clock.instant());
    long remainingMillis = (long) (elapsed.toMillis() * (double) (t - done) / done);
    return Optional.of(clock.instant().plusMillis(Math.max(0, remainingMillis)));
  }
}
