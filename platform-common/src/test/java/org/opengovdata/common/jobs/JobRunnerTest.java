package org.opengovdata.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

class JobRunnerTest {

  private final InMemoryJobStore store = new InMemoryJobStore(100);
  private final JobRunner runner =
      new JobRunner(
          store,
          Clock.systemUTC(),
          new JobRunner.Settings(2, Duration.ofMillis(50), Duration.ofMillis(500)));

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void jobReportsProgressAndSucceeds() throws Exception {
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    Job job =
        runner.submit(
            "index-rebuild",
            "key_admin",
            progress -> {
              progress.total(10);
              progress.advance(5);
              progress.problem("object x: digest mismatch");
              halfway.countDown();
              proceed.await(10, TimeUnit.SECONDS);
              progress.advance(5);
            });
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Job saved = store.find(job.id()).orElseThrow();
              assertThat(saved.state()).isEqualTo(JobState.RUNNING);
              assertThat(saved.processed()).isEqualTo(5);
              assertThat(saved.percent()).isEqualTo(50.0);
              assertThat(saved.estimatedCompletion(Instant.now())).isNotNull();
            });
    proceed.countDown();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(store.find(job.id()).orElseThrow().state())
                    .isEqualTo(JobState.SUCCEEDED));
    Job done = runner.find(job.id()).orElseThrow();
    assertThat(done.processed()).isEqualTo(10);
    assertThat(done.percent()).isEqualTo(100.0);
    assertThat(done.problemCount()).isEqualTo(1);
    assertThat(done.problems()).containsExactly("object x: digest mismatch");
    assertThat(done.submittedBy()).isEqualTo("key_admin");
    assertThat(done.startedAt()).isNotNull();
    assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    assertThat(done.estimatedCompletion(Instant.now())).isNull();
  }

  @Test
  void failingWorkFailsTheJobWithItsMessage() {
    Job job =
        runner.submit(
            "backup",
            "key_admin",
            progress -> {
              throw new IllegalStateException("target /mnt/backup is not writable");
            });
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Job saved = store.find(job.id()).orElseThrow();
              assertThat(saved.state()).isEqualTo(JobState.FAILED);
              assertThat(saved.error()).isEqualTo("target /mnt/backup is not writable");
            });
  }

  @Test
  void secondJobOfTheSameTypeIsAConflictWhileTheFirstRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Job first = runner.submit("fixity-audit", "a", progress -> release.await(10, TimeUnit.SECONDS));
    assertThatThrownBy(() -> runner.submit("fixity-audit", "b", progress -> {}))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
              assertThat(e.toProblem().getProperties())
                  .containsEntry("jobId", first.id().toString());
            });
    Job other = runner.submit("backup", "b", progress -> {});
    assertThat(other.id()).isNotEqualTo(first.id());
    release.countDown();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> store.find(first.id()).orElseThrow().state() == JobState.SUCCEEDED);
    assertThat(runner.submit("fixity-audit", "b", progress -> {}).state())
        .isEqualTo(JobState.QUEUED);
  }

  @Test
  void orphanedJobOfAStoppedProcessIsFailed() {
    Instant longAgo = Instant.now().minusSeconds(3600);
    Job orphan =
        new Job(
            UUID.randomUUID(),
            "restore",
            JobState.RUNNING,
            3,
            10L,
            "key_admin",
            longAgo,
            longAgo,
            null,
            longAgo,
            null,
            0,
            List.of());
    store.save(orphan);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Job saved = store.find(orphan.id()).orElseThrow();
              assertThat(saved.state()).isEqualTo(JobState.FAILED);
              assertThat(saved.error()).startsWith("interrupted");
              assertThat(saved.processed()).isEqualTo(3);
            });
  }

  @Test
  void percentAndEtaFollowTheAverageRate() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Job job =
        new Job(
            UUID.randomUUID(),
            "backup",
            JobState.RUNNING,
            25,
            100L,
            "a",
            start,
            start,
            null,
            start,
            null,
            0,
            List.of());
    assertThat(job.percent()).isEqualTo(25.0);
    assertThat(job.estimatedCompletion(start.plusSeconds(10))).isEqualTo(start.plusSeconds(40));
    Job unknownTotal =
        new Job(
            UUID.randomUUID(),
            "backup",
            JobState.RUNNING,
            25,
            null,
            "a",
            start,
            start,
            null,
            start,
            null,
            0,
            List.of());
    assertThat(unknownTotal.percent()).isNull();
    assertThat(unknownTotal.estimatedCompletion(start.plusSeconds(10))).isNull();
  }
}
