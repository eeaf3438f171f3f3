package org.opengovdata.archive.jobs;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.opengovdata.archive.api.JobsApi;
import org.opengovdata.archive.api.model.JobDto;
import org.opengovdata.archive.record.IndexRebuild;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobsController implements JobsApi {

  private final JobRunner jobs;
  private final IndexRebuild rebuild;
  private final Clock clock;

  JobsController(JobRunner jobs, IndexRebuild rebuild, Clock clock) {
    this.jobs = jobs;
    this.rebuild = rebuild;
    this.clock = clock;
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<JobDto> rebuildIndex() {
    String who = Caller.current().map(Caller::subject).orElseThrow();
    Job job = jobs.submit(IndexRebuild.JOB_TYPE, who, rebuild::run);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(JobsApi.PATH_GET_JOB.replace("{jobId}", job.id().toString())))
        .body(dto(job));
  }

  @Override
  @PreAuthorize("hasAnyRole('ARCHIVIST', 'ADMIN')")
  public ResponseEntity<JobDto> getJob(UUID jobId) {
    Job job =
        jobs.find(jobId).orElseThrow(() -> ApiException.notFound("No job %s.".formatted(jobId)));
    return ResponseEntity.ok(dto(job));
  }

  private JobDto dto(Job job) {
    return JobDtos.dto(job, clock.instant());
  }
}
