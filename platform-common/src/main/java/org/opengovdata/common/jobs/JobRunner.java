package org.opengovdata.common.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on its own worker threads, one job of a type at a time, and keeps their progress in a
 * {@link JobStore}.
 *
 * <p>Work reports progress into memory; a heartbeat saves every active job once per {@code
 * heartbeat}, so reporting each item costs nothing and a job that makes no visible progress (one
 * long step) still shows it is alive. The same heartbeat fails jobs that nobody has saved for
 * {@code staleAfter} — their process died — so a restart never leaves a job "running" forever, and
 * several instances sharing one store leave each other's live jobs alone.
 */
public class JobRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  /** How the runner runs: worker threads, how often progress is saved, when a job is orphaned. */
  public record Settings(int workers, Duration heartbeat, Duration staleAfter) {

    public static final Settings DEFAULT =
        new Settings(2, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Settings {
      if (workers < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException("at least one worker and a positive heartbeat");
      }
      if (staleAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
        throw new IllegalArgumentException("staleAfter must be at least three heartbeats");
      }
    }
  }

  private final JobStore store;
  private final Clock clock;
  private final Settings settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService heartbeat;
  private final Map<UUID, Tracker> active = new ConcurrentHashMap<>();

  public JobRunner(JobStore store, Clock clock, Settings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.workers = Executors.newFixedThreadPool(settings.workers(), threads("job-worker"));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(threads("job-heartbeat"));
    long millis = settings.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Queues {@code work} as a job of {@code type}.
   *
   * @throws ApiException 409 (with the job's {@code jobId}) while a job of this type is unfinished
   */
  public synchronized Job submit(String type, String submittedBy, JobWork work) {
    Optional<Job> running =
        store.unfinished().stream().filter(j -> j.type().equals(type)).findFirst();
    if (running.isPresent()) {
      throw ApiException.conflict(
              "A %s job is already %s (job %s); wait for it to finish."
                  .formatted(type, running.get().state().name().toLowerCase(), running.get().id()))
          .with("jobId", running.get().id().toString());
    }
    Job job = Job.queued(type, submittedBy, clock.instant());
    store.save(job);
    Tracker tracker = new Tracker(job);
    active.put(job.id(), tracker);
    workers.execute(() -> execute(tracker, work));
    return job;
  }

  public Optional<Job> find(UUID id) {
    Tracker tracker = active.get(id);
    return tracker != null ? Optional.of(tracker.snapshot(clock.instant())) : store.find(id);
  }

  private void execute(Tracker tracker, JobWork work) {
    tracker.start(clock.instant());
    store.save(tracker.snapshot(clock.instant()));
    JobState outcome = JobState.SUCCEEDED;
    String error = null;
    try {
      work.run(tracker);
    } catch (Exception | Error e) {
      outcome = JobState.FAILED;
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.error("Job {} ({}) failed", tracker.job.id(), tracker.job.type(), e);
    }
    Job done = tracker.snapshot(clock.instant()).finished(outcome, error, clock.instant());
    try {
      store.save(done);
    } finally {
      active.remove(tracker.job.id());
    }
  }

  private void beat() {
    try {
      Instant now = clock.instant();
      for (Tracker tracker : List.copyOf(active.values())) {
        store.save(tracker.snapshot(now));
      }
      Instant staleBefore = now.minus(settings.staleAfter());
      for (Job job : store.unfinished()) {
        if (!active.containsKey(job.id()) && job.updatedAt().isBefore(staleBefore)) {
          log.warn(
              "Job {} ({}) was orphaned by a stopped process; marking it failed",
              job.id(),
              job.type());
          store.save(
              job.finished(
                  JobState.FAILED,
                  "interrupted: the service stopped before the job finished; submit it again",
                  now));
        }
      }
    } catch (RuntimeException e) {
      // a store that is briefly unreachable must not kill the heartbeat thread
      log.warn("Job heartbeat failed: {}", e.getMessage());
    }
  }

  /** Stops taking work; jobs still running are marked failed so that they can be resubmitted. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Instant now = clock.instant();
    for (Tracker tracker : List.copyOf(active.values())) {
      try {
        store.save(
            tracker
                .snapshot(now)
                .finished(
                    JobState.FAILED, "interrupted: the service shut down; submit it again", now));
      } catch (RuntimeException e) {
        log.warn("Could not mark job {} failed on shutdown: {}", tracker.job.id(), e.getMessage());
      }
    }
    active.clear();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The live state of one active job; work threads write it, the heartbeat reads it. */
  private static final class Tracker implements JobProgress {

    private volatile Job job;
    private final AtomicLong processed = new AtomicLong();
    private volatile Long total;
    private final AtomicLong problemCount = new AtomicLong();
    private final List<String> problems = new ArrayList<>();

    Tracker(Job job) {
      this.job = job;
    }

    void start(Instant now) {
      job = job.running(now);
    }

    synchronized Job snapshot(Instant now) {
      if (job.state() == JobState.QUEUED) {
        return job.touched(now);
      }
      return job.progressed(processed.get(), total, problemCount.get(), problems, now);
    }

    @Override
    public void total(long total) {
      this.total = total;
    }

    @Override
    public void advance(long items) {
      processed.addAndGet(items);
    }

    @Override
    public synchronized void problem(String description) {
      problemCount.incrementAndGet();
      if (problems.size() < Job.MAX_PROBLEMS) {
        problems.add(description);
      }
    }

    @Override
    public UUID jobId() {
      return job.id();
    }
  }
}
