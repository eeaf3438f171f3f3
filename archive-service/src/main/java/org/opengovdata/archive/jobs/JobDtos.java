package org.opengovdata.archive.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import org.opengovdata.archive.api.model.JobDto;
import org.opengovdata.archive.api.model.JobStateDto;
import org.opengovdata.common.jobs.Job;

/** A job as the API shows it (GET /jobs/{id}, and inside fixity audits and backups). */
public final class JobDtos {

  private JobDtos() {}

  public static JobDto dto(Job job, Instant now) {
    var eta = job.estimatedCompletion(now);
    return new JobDto()
        .id(job.id())
        .type(job.type())
        .state(JobStateDto.valueOf(job.state().name()))
        .processed(job.processed())
        .total(job.total())
        .percent(job.percent())
        .estimatedCompletion(eta == null ? null : eta.atOffset(ZoneOffset.UTC))
        .submittedBy(job.submittedBy())
        .submittedAt(job.submittedAt().atOffset(ZoneOffset.UTC))
        .startedAt(job.startedAt() == null ? null : job.startedAt().atOffset(ZoneOffset.UTC))
        .finishedAt(job.finishedAt() == null ? null : job.finishedAt().atOffset(ZoneOffset.UTC))
        .error(job.error())
        .problemCount(job.problemCount())
        .problems(job.problems());
  }
}
