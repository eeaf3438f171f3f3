package org.opengovdata.search.reindex;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.opengovdata.search.api.JobsApi;
import org.opengovdata.search.api.model.JobDto;
import org.opengovdata.search.index.IndexKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class ReindexController implements JobsApi {

  private final Reindexer reindexer;
  private final JobRunner jobs;

  ReindexController(Reindexer reindexer, JobRunner jobs) {
    this.reindexer = reindexer;
    this.jobs = jobs;
  }

  @Override
  public ResponseEntity<JobDto> startReindex(String index) {
    IndexKind kind;
    try {
      kind = IndexKind.fromName(index == null ? "policies" : index);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(
          "index", "'%s' is not one of policies, datasets".formatted(index));
    }
    Job job = reindexer.start(kind, Caller.current().map(Caller::subject).orElse("unknown"));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/search/admin/jobs/" + job.id()))
        .body(dto(job));
  }

  @Override
  public ResponseEntity<JobDto> getJob(String jobId) {
    UUID id;
    try {
      id = UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("jobId", "'%s' is not a job id".formatted(jobId));
    }
    Job job = jobs.find(id).orElseThrow(() -> ApiException.notFound("No job " + jobId + "."));
    return ResponseEntity.ok(dto(job));
  }

  static JobDto dto(Job job) {
    JobDto dto =
        new JobDto(
            job.id(), job.type(), JobDto.StateEnum.fromValue(job.state().name()), job.processed());
    if (job.startedAt() != null) {
      dto.startedAt(time(job.startedAt()));
    }
    if (job.total() != null) {
      dto.total(job.total());
    }
    if (job.percent() != null) {
      dto.percent(job.percent());
    }
    if (job.finishedAt() != null) {
      dto.finishedAt(time(job.finishedAt()));
    }
    Instant eta = job.estimatedCompletion(Instant.now());
    if (eta != null) {
      dto.estimatedCompletion(time(eta));
    }
    if (job.error() != null) {
      dto.detail(job.error());
    }
    return dto;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
