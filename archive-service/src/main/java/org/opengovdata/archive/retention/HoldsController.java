package org.opengovdata.archive.retention;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opengovdata.archive.api.HoldsApi;
import org.opengovdata.archive.api.model.HoldDto;
import org.opengovdata.archive.api.model.HoldListDto;
import org.opengovdata.archive.api.model.NewHoldDto;
import org.opengovdata.archive.record.Records;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ARCHIVIST')")
class HoldsController implements HoldsApi {

  private final Holds holds;
  private final Records records;

  HoldsController(Holds holds, Records records) {
    this.holds = holds;
    this.records = records;
  }

  @Override
  public ResponseEntity<HoldDto> placeHold(UUID recordId, NewHoldDto newHold) {
    Hold hold = holds.place(recordId, newHold.getReason());
    return ResponseEntity.created(URI.create("/api/v1/archive/holds/" + hold.id())).body(dto(hold));
  }

  @Override
  public ResponseEntity<HoldDto> releaseHold(UUID holdId, String reason) {
    return ResponseEntity.ok(dto(holds.release(holdId, reason)));
  }

  @Override
  public ResponseEntity<HoldListDto> listHolds(UUID recordId) {
    records.require(recordId);
    return ResponseEntity.ok(
        new HoldListDto().data(holds.of(recordId).stream().map(HoldsController::dto).toList()));
  }

  static HoldDto dto(Hold h) {
    return new HoldDto()
        .id(h.id())
        .recordId(h.recordId())
        .reason(h.reason())
        .placedBy(h.placedBy())
        .placedAt(h.placedAt().atOffset(ZoneOffset.UTC))
        .active(h.active())
        .releasedBy(h.releasedBy())
        .releasedAt(h.releasedAt() == null ? null : h.releasedAt().atOffset(ZoneOffset.UTC))
        .releaseReason(h.releaseReason());
  }
}
