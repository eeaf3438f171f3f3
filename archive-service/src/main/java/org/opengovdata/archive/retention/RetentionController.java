package org.opengovdata.archive.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.opengovdata.archive.api.RetentionApi;
import org.opengovdata.archive.api.model.RecordDto;
import org.opengovdata.archive.api.model.RecordListDto;
import org.opengovdata.archive.api.model.RetentionChangeDto;
import org.opengovdata.archive.record.RecordFilter;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.record.RetentionClass;
import org.opengovdata.archive.record.web.RecordDtos;
import org.opengovdata.archive.record.web.RecordLists;
import org.opengovdata.archive.web.Csv;
import org.opengovdata.archive.web.Dates;
import org.opengovdata.archive.web.Lists;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RetentionController implements RetentionApi {

  private final Records records;
  private final Clock clock;

  RetentionController(Records records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  @PreAuthorize("hasRole('ARCHIVIST')")
  public ResponseEntity<RecordDto> extendRetention(UUID recordId, RetentionChangeDto change) {
    return ResponseEntity.ok(
        RecordDtos.record(
            records.extendRetention(
                recordId,
                RetentionClass.valueOf(change.getRetentionClass().name()),
                change.getReason())));
  }

  @Override
  @PreAuthorize("hasRole('ARCHIVIST')")
  public ResponseEntity<RecordListDto> listDueRecords(
      String asOf, Integer page, Integer size, String format) {
    LocalDate day = Dates.parse("asOf", asOf);
    if (day == null) {
      day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
    RecordFilter due = new RecordFilter(null, null, null, null, null, null, day, true);
    return RecordLists.answer(
        records, due, Lists.page(page, size), Csv.requested(format), "retention-due");
  }
}
