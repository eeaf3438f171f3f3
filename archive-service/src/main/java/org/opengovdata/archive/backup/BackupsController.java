package org.opengovdata.archive.backup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opengovdata.archive.api.BackupsApi;
import org.opengovdata.archive.api.JobsApi;
import org.opengovdata.archive.api.model.BackupDto;
import org.opengovdata.archive.api.model.BackupStateDto;
import org.opengovdata.archive.api.model.BackupTargetCheckDto;
import org.opengovdata.archive.api.model.BackupVerificationDto;
import org.opengovdata.archive.api.model.JobDto;
import org.opengovdata.archive.api.model.RestoreRequestDto;
import org.opengovdata.archive.jobs.JobDtos;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class BackupsController implements BackupsApi {

  private final Backups backups;
  private final Clock clock;

  BackupsController(Backups backups, Clock clock) {
    this.backups = backups;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<BackupDto> startBackup() {
    Job job = backups.startBackup(caller());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(BackupsApi.PATH_GET_BACKUP.replace("{backupId}", job.id().toString())))
        .body(dto(backups.find(job.id()).orElseThrow()));
  }

  @Override
  public ResponseEntity<BackupDto> getBackup(UUID backupId) {
    return ResponseEntity.ok(
        dto(
            backups
                .find(backupId)
                .orElseThrow(() -> ApiException.notFound("No backup %s.".formatted(backupId)))));
  }

  @Override
  public ResponseEntity<BackupVerificationDto> verifyBackup(UUID backupId) {
    List<Backups.TargetCheck> checks = backups.verify(backupId, caller());
    return ResponseEntity.ok(
        new BackupVerificationDto()
            .backupId(backupId)
            .valid(checks.stream().allMatch(Backups.TargetCheck::valid))
            .targets(
                checks.stream()
                    .map(
                        c ->
                            new BackupTargetCheckDto()
                                .target(c.target())
                                .valid(c.valid())
                                .problem(c.problem()))
                    .toList()));
  }

  @Override
  public ResponseEntity<JobDto> restore(RestoreRequestDto request) {
    Path target =
        request == null || request.getTarget() == null ? null : Path.of(request.getTarget());
    UUID upTo = request == null ? null : request.getUpTo();
    Job job = backups.startRestore(target, upTo, caller());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(JobsApi.PATH_GET_JOB.replace("{jobId}", job.id().toString())))
        .body(JobDtos.dto(job, clock.instant()));
  }

  private BackupDto dto(Backups.Backup b) {
    return new BackupDto()
        .id(b.id())
        .previousId(b.previousId())
        .state(BackupStateDto.valueOf(b.state()))
        .requestedBy(b.requestedBy())
        .startedAt(utc(b.startedAt()))
        .finishedAt(utc(b.finishedAt()))
        .objectsTotal(b.objectsTotal())
        .objectsCopied(b.objectsCopied())
        .bytesCopied(b.bytesCopied())
        .targets(b.targets())
        .error(b.error())
        .job(b.job().map(j -> JobDtos.dto(j, clock.instant())).orElse(null));
  }

  private static String caller() {
    return Caller.current().map(Caller::subject).orElseThrow();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
