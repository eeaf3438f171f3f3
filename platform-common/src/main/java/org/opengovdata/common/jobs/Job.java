package org.opengovdata.common.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A long operation (index rebuild, fixity audit, backup, restore, search reindex) that runs off the
 * request thread and reports progress: {@code GET /jobs/{id}} answers from this record.
 *
 * @param type what the job does, e.g. {@code index-rebuild}; one job of a type runs at a time
 * @param total the number of items to process, null while unknown
 * @param submittedBy the API key id of whoever asked for it
 * @param updatedAt when progress was last saved (a stale value on an unfinished job means the
 *     process that ran it is gone)
 * @param error why the job failed, null unless {@link JobState#FAILED}
 * @param problemCount how many item-level problems the job met (a job may succeed with problems,
 *     e.g. an audit that finds corrupt objects)
 * @param problems the first {@value #MAX_PROBLEMS} problems, each one line
 */
public record Job(
    UUID id,
    String type,
    JobState state,
    long processed,
    Long total,
    String submittedBy,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant updatedAt,
    String error,
    long problemCount,
    List<String> problems) {

  /** Problems kept in full; the rest are only counted. */
  public static final int MAX_PROBLEMS = 100;

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submittedAt, "submittedAt");
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** A new job, waiting for a worker. */
  public static Job queued(String type, String submittedBy, Instant now) {
    return new Job(
        UUID.randomUUID(),
        type,
        JobState.QUEUED,
        0,
        null,
        submittedBy,
        now,
        null,
        null,
        now,
        null,
        0,
        List.of());
  }

  /** Percent done, 0–100 with one decimal; null while the total is unknown. */
  public Double percent() {
    if (state == JobState.SUCCEEDED) {
      return 100.0;
    }
    if (total == null) {
      return null;
    }
    if (total == 0) {
      return state.finished() ? 100.0 : 0.0;
    }
    double percent = Math.min(100.0, 100.0 * processed / total);
    return Math.floor(percent * 10) / 10;
  }

  /**
   * When the job should finish at its average rate so far; null when finished, not started, the
   * total is unknown or nothing has been processed yet.
   */
  public Instant estimatedCompletion(Instant now) {
    if (state != JobState.RUNNING || startedAt == null || total == null || processed <= 0) {
      return null;
    }
    Duration elapsed = Duration.between(startedAt, now);
    long remaining = Math.max(0, total - processed);
    long nanosLeft = (long) ((double) elapsed.toNanos() / processed * remaining);
    return now.plusNanos(nanosLeft);
  }

  Job touched(Instant now) {
    return new Job(
        id,
        type,
        state,
        processed,
        total,
        submittedBy,
        submittedAt,
        startedAt,
        finishedAt,
        now,
        error,
        problemCount,
        problems);
  }

  Job running(Instant now) {
    return new Job(
        id,
        type,
        JobState.RUNNING,
        processed,
        total,
        submittedBy,
        submittedAt,
        now,
        null,
        now,
        null,
        problemCount,
        problems);
  }

  Job progressed(
      long processed, Long total, long problemCount, List<String> problems, Instant now) {
    return new Job(
        id,
        type,
        state,
        processed,
        total,
        submittedBy,
        submittedAt,
        startedAt,
        null,
        now,
        null,
        problemCount,
        problems);
  }

  Job finished(JobState outcome, String error, Instant now) {
    return new Job(
        id,
        type,
        outcome,
        processed,
        total,
        submittedBy,
        submittedAt,
        startedAt,
        now,
        now,
        error,
        problemCount,
        problems);
  }
}
