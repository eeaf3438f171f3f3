package org.opengovdata.archive.fixity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opengovdata.archive.api.FixityApi;
import org.opengovdata.archive.api.model.FixityAuditDto;
import org.opengovdata.archive.api.model.FixityProblemDto;
import org.opengovdata.archive.api.model.FixityTriggerDto;
import org.opengovdata.archive.jobs.JobDtos;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('ARCHIVIST', 'ADMIN')")
class FixityController implements FixityApi {

  private final FixityAudits audits;
  private final Clock clock;

  FixityController(FixityAudits audits, Clock clock) {
    this.audits = audits;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<FixityAuditDto> startFixityAudit() {
    String who = Caller.current().map(Caller::subject).orElseThrow();
    Job job = audits.start(FixityAudits.Trigger.MANUAL, who);
    FixityAuditDto body =
        audits
            .find(job.id())
            .map(this::dto)
            .orElseThrow(() -> new IllegalStateException("audit " + job.id() + " not recorded"));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(
            URI.create(FixityApi.PATH_GET_FIXITY_AUDIT.replace("{auditId}", job.id().toString())))
        .body(body);
  }

  @Override
  public ResponseEntity<FixityAuditDto> getFixityAudit(UUID auditId) {
    return ResponseEntity.ok(
        audits
            .find(auditId)
            .map(this::dto)
            .orElseThrow(() -> ApiException.notFound("No fixity audit %s.".formatted(auditId))));
  }

  private FixityAuditDto dto(FixityAudits.Audit audit) {
    return new FixityAuditDto()
        .id(audit.id())
        .trigger(FixityTriggerDto.valueOf(audit.trigger().name()))
        .requestedBy(audit.requestedBy())
        .startedAt(utc(audit.startedAt()))
        .finishedAt(utc(audit.finishedAt()))
        .objectsChecked(audit.objectsChecked())
        .objectsInvalid(audit.objectsInvalid())
        .job(audit.job().map(j -> JobDtos.dto(j, clock.instant())).orElse(null))
        .problems(
            audit.problems().stream()
                .map(
                    p ->
                        new FixityProblemDto()
                            .objectRoot(p.objectRoot())
                            .objectId(p.objectId())
                            .recordId(p.recordId())
                            .code(p.code())
                            .message(p.message()))
                .toList());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
