package org.opengovdata.archive.retention;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opengovdata.archive.api.DispositionsApi;
import org.opengovdata.archive.api.model.DispositionDto;
import org.opengovdata.archive.api.model.DispositionStateDto;
import org.opengovdata.archive.api.model.NewDispositionDto;
import org.opengovdata.archive.api.model.RegisterEntryDto;
import org.opengovdata.archive.api.model.RegisterListDto;
import org.opengovdata.archive.api.model.RetentionClassDto;
import org.opengovdata.archive.web.Csv;
import org.opengovdata.archive.web.Lists;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ARCHIVIST')")
class DispositionsController implements DispositionsApi {

  private static final List<Csv.Column<RegisterEntry>> REGISTER_COLUMNS =
      List.of(
          new Csv.Column<>("sequence", RegisterEntry::sequence),
          new Csv.Column<>("dispositionId", RegisterEntry::dispositionId),
          new Csv.Column<>("recordId", RegisterEntry::recordId),
          new Csv.Column<>("objectId", RegisterEntry::objectId),
          new Csv.Column<>("title", RegisterEntry::title),
          new Csv.Column<>("documentNumber", RegisterEntry::documentNumber),
          new Csv.Column<>("documentDate", RegisterEntry::documentDate),
          new Csv.Column<>("retentionClass", RegisterEntry::retentionClass),
          new Csv.Column<>("dispositionDate", RegisterEntry::dispositionDate),
          new Csv.Column<>("reason", RegisterEntry::reason),
          new Csv.Column<>("proposedBy", RegisterEntry::proposedBy),
          new Csv.Column<>("approvedBy", RegisterEntry::approvedBy),
          new Csv.Column<>("destroyedAt", RegisterEntry::destroyedAt),
          new Csv.Column<>("versions", RegisterEntry::versions),
          new Csv.Column<>("lastDigest", RegisterEntry::lastDigest));

  private final Dispositions dispositions;
  private final DestructionRegister register;

  DispositionsController(Dispositions dispositions, DestructionRegister register) {
    this.dispositions = dispositions;
    this.register = register;
  }

  @Override
  public ResponseEntity<DispositionDto> proposeDisposition(NewDispositionDto proposal) {
    Disposition d =
        dispositions.propose(List.copyOf(proposal.getRecordIds()), proposal.getReason());
    return ResponseEntity.created(URI.create("/api/v1/archive/dispositions/" + d.id()))
        .body(dto(d));
  }

  @Override
  public ResponseEntity<DispositionDto> approveDisposition(UUID dispositionId) {
    return ResponseEntity.ok(dto(dispositions.approve(dispositionId)));
  }

  @Override
  public ResponseEntity<DispositionDto> getDisposition(UUID dispositionId) {
    return ResponseEntity.ok(dto(dispositions.get(dispositionId)));
  }

  @Override
  public ResponseEntity<RegisterListDto> listDestructionRegister(
      Integer page, Integer size, String format) {
    if (Csv.requested(format)) {
      Csv.write("destruction-register", REGISTER_COLUMNS, register::forEach);
      return null;
    }
    PageRequest request = Lists.page(page, size);
    long total = register.count();
    return ResponseEntity.ok(
        new RegisterListDto()
            .data(register.page(request).stream().map(DispositionsController::dto).toList())
            .meta(Lists.meta(total, request))
            .links(Lists.links(request, total)));
  }

  private static DispositionDto dto(Disposition d) {
    return new DispositionDto()
        .id(d.id())
        .state(DispositionStateDto.valueOf(d.state().name()))
        .reason(d.reason())
        .recordIds(d.recordIds())
        .proposedBy(d.proposedBy())
        .proposedAt(d.proposedAt().atOffset(ZoneOffset.UTC))
        .approvedBy(d.approvedBy())
        .approvedAt(d.approvedAt() == null ? null : d.approvedAt().atOffset(ZoneOffset.UTC));
  }

  private static RegisterEntryDto dto(RegisterEntry e) {
    return new RegisterEntryDto()
        .sequence(e.sequence())
        .dispositionId(e.dispositionId())
        .recordId(e.recordId())
        .objectId(e.objectId())
        .title(e.title())
        .documentNumber(e.documentNumber())
        .documentDate(e.documentDate())
        .retentionClass(RetentionClassDto.valueOf(e.retentionClass()))
        .dispositionDate(e.dispositionDate())
        .reason(e.reason())
        .proposedBy(e.proposedBy())
        .approvedBy(e.approvedBy())
        .destroyedAt(e.destroyedAt().atOffset(ZoneOffset.UTC))
        .versions(e.versions())
        .lastDigest(e.lastDigest());
  }
}
