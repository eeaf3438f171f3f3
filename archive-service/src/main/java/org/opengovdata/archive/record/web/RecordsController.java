package org.opengovdata.archive.record.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.opengovdata.archive.api.RecordsApi;
import org.opengovdata.archive.api.model.NewRecordDto;
import org.opengovdata.archive.api.model.RecordDto;
import org.opengovdata.archive.api.model.RecordListDto;
import org.opengovdata.archive.api.model.RetentionClassDto;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.DocumentNumberLookup;
import org.opengovdata.archive.record.RecordFilter;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.record.RetentionClass;
import org.opengovdata.archive.web.Csv;
import org.opengovdata.archive.web.Dates;
import org.opengovdata.archive.web.Lists;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class RecordsController implements RecordsApi {

  private final Records records;

  RecordsController(Records records) {
    this.records = records;
  }

  @Override
  @PreAuthorize("hasRole('ARCHIVIST')")
  public ResponseEntity<RecordDto> createRecord(NewRecordDto metadata, MultipartFile file) {
    ArchiveRecord record = records.create(RecordDtos.metadata(metadata), file);
    return ResponseEntity.created(URI.create(RecordsApi.PATH_LIST_RECORDS + "/" + record.id()))
        .body(RecordDtos.record(record));
  }

  @Override
  public ResponseEntity<RecordDto> getRecord(UUID recordId) {
    return ResponseEntity.ok(RecordDtos.record(records.readable(recordId)));
  }

  @Override
  public ResponseEntity<RecordListDto> listRecords(
      String documentNumber,
      String q,
      String dateFrom,
      String dateTo,
      RetentionClassDto retentionClass,
      Boolean onHold,
      Integer page,
      Integer size,
      String format) {
    LocalDate from = Dates.parse("dateFrom", dateFrom);
    LocalDate to = Dates.parse("dateTo", dateTo);
    RecordFilter filter =
        new RecordFilter(
            DocumentNumberLookup.query(documentNumber),
            q,
            from,
            to,
            retentionClass == null ? null : RetentionClass.valueOf(retentionClass.name()),
            onHold,
            null,
            Records.isArchivist());
    return RecordLists.answer(
        records, filter, Lists.page(page, size), Csv.requested(format), "records");
  }
}
