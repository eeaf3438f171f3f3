package org.opengovdata.catalog.reference;

import java.util.List;
import org.opengovdata.catalog.api.ReferenceApi;
import org.opengovdata.catalog.api.model.ClassificationListDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.RegionLevelDto;
import org.opengovdata.catalog.api.model.RegionListDto;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.InMemoryRows;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferenceController implements ReferenceApi {

  private final ReferenceData reference;

  ReferenceController(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public ResponseEntity<RegionListDto> listRegions(
      RegionLevelDto level,
      String parent,
      Integer page,
      Integer size,
      FormatDto format,
      String ifNoneMatch) {
    List<Region> rows =
        reference.regions().stream()
            .filter(r -> level == null || r.level().code().equals(level.getValue()))
            .filter(r -> parent == null || parent.equals(r.parentCode()))
            .toList();
    Read read = Read.of(reference.stamp(), Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<RegionListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    var columns = ReferenceColumns.REGIONS;
    if (read.csv()) {
      read.writeCsv("regions", columns.all(), rows.size(), rows::forEach);
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new RegionListDto()
            .data(
                InMemoryRows.page(rows, pageRequest).stream()
                    .map(r -> columns.toDto(r, columns.all()))
                    .toList())
            .meta(ListEnvelope.meta(columns.all(), rows.size(), pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, rows.size())));
  }

  @Override
  public ResponseEntity<ClassificationListDto> listClassifications(
      DirectionDto direction,
      String classification,
      Integer level,
      Integer page,
      Integer size,
      FormatDto format,
      String ifNoneMatch) {
    List<Classification> rows =
        reference.classifications().stream()
            .filter(c -> direction == null || c.revenue() == (direction == DirectionDto.REVENUE))
            .filter(c -> classification == null || c.code().startsWith(classification))
            .filter(c -> level == null || c.level() == level)
            .toList();
    Read read = Read.of(reference.stamp(), Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<ClassificationListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    var columns = ReferenceColumns.CLASSIFICATIONS;
    if (read.csv()) {
      read.writeCsv("classifications", columns.all(), rows.size(), rows::forEach);
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new ClassificationListDto()
            .data(
                InMemoryRows.page(rows, pageRequest).stream()
                    .map(c -> columns.toDto(c, columns.all()))
                    .toList())
            .meta(ListEnvelope.meta(columns.all(), rows.size(), pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, rows.size())));
  }
}
