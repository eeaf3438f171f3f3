package org.opengovdata.archive.audit;

import java.time.ZoneOffset;
import java.util.UUID;
import org.opengovdata.archive.api.AuditApi;
import org.opengovdata.archive.api.model.AuditEntryDto;
import org.opengovdata.archive.api.model.AuditListDto;
import org.opengovdata.archive.api.model.AuditVerificationDto;
import org.opengovdata.archive.web.Lists;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ARCHIVIST')")
class AuditController implements AuditApi {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public ResponseEntity<AuditListDto> listAudit(UUID recordId, Integer page, Integer size) {
    PageRequest request = Lists.page(page, size);
    long total = audit.count(recordId);
    return ResponseEntity.ok(
        new AuditListDto()
            .data(audit.page(recordId, request).stream().map(AuditController::dto).toList())
            .meta(Lists.meta(total, request))
            .links(Lists.links(request, total)));
  }

  @Override
  public ResponseEntity<AuditVerificationDto> verifyAudit() {
    AuditLog.Verification v = audit.verify();
    return ResponseEntity.ok(
        new AuditVerificationDto()
            .intact(v.intact())
            .checked(v.checked())
            .firstBrokenSequence(v.firstBrokenSequence())
            .detail(v.detail()));
  }

  private static AuditEntryDto dto(AuditEntry e) {
    return new AuditEntryDto()
        .sequence(e.sequence())
        .at(e.at().atOffset(ZoneOffset.UTC))
        .actor(e.actor())
        .role(e.role())
        .action(e.action())
        .recordId(e.recordId())
        .detail(e.detail())
        .previousHash(e.previousHash())
        .hash(e.hash());
  }
}
