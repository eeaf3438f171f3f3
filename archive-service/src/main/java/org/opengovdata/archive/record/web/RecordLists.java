package org.opengovdata.archive.record.web;

import java.util.List;
import org.opengovdata.archive.api.model.RecordListDto;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.RecordFilter;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.web.Csv;
import org.opengovdata.archive.web.Lists;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;

/** A list of records as JSON page or CSV export (records search and the due-for-review list). */
public final class RecordLists {

  private static final List<Csv.Column<ArchiveRecord>> COLUMNS =
      List.of(
          new Csv.Column<>("id", ArchiveRecord::id),
          new Csv.Column<>("title", r -> r.metadata().title()),
          new Csv.Column<>("documentNumber", r -> r.metadata().documentNumber()),
          new Csv.Column<>("issuer", r -> r.metadata().issuer()),
          new Csv.Column<>("documentDate", r -> r.metadata().documentDate()),
          new Csv.Column<>("retentionClass", r -> r.metadata().retentionClass()),
          new Csv.Column<>("dispositionDate", r -> r.dispositionDate().orElse(null)),
          new Csv.Column<>("series", r -> r.metadata().series()),
          new Csv.Column<>("access", r -> r.metadata().access()),
          new Csv.Column<>("headVersion", ArchiveRecord::headVersion),
          new Csv.Column<>("onHold", ArchiveRecord::onHold),
          new Csv.Column<>("valid", ArchiveRecord::valid),
          new Csv.Column<>("updatedAt", ArchiveRecord::updatedAt));

  private RecordLists() {}

  public static ResponseEntity<RecordListDto> answer(
      Records records, RecordFilter filter, PageRequest page, boolean csv, String filename) {
    if (csv) {
      Csv.write(filename, COLUMNS, sink -> records.forEach(filter, sink));
      return null;
    }
    long total = records.count(filter);
    return ResponseEntity.ok(
        new RecordListDto()
            .data(records.page(filter, page).stream().map(RecordDtos::record).toList())
            .meta(Lists.meta(total, page))
            .links(Lists.links(page, total)));
  }
}
