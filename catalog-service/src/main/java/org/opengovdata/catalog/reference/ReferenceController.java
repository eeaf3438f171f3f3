package org.opengovdata.catalog.reference;

import java.util.List;
import org.opengovdata.catalog.api.ReferenceApi;
import org.opengovdata.catalog.api.model.ClassificationListDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.RegionLevelDto;
import org.opengovdata.catalog.api.model.RegionListDto;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.PagedList;
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
      LabelsDto labels,
      String ifNoneMatch) {
    List<Region> rows =
        reference.regions().stream()
            .filter(r -> level == null || r.level().code().equals(level.getValue()))
            .filter(r -> parent == null || parent.equals(r.parentCode()))
            .toList();
    return PagedList.answer(
        reference.stamp(),
        "regions",
        ReferenceColumns.REGIONS,
        PagedRows.computed(() -> rows),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new RegionListDto().data(data).meta(meta).links(links));
  }

  @Override
  public ResponseEntity<ClassificationListDto> listClassifications(
      DirectionDto direction,
      String classification,
      Integer level,
      Integer page,
      Integer size,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    List<Classification> rows =
        reference.classifications().stream()
            .filter(c -> direction == null || c.revenue() == (direction == DirectionDto.REVENUE))
            .filter(c -> classification == null || c.code().startsWith(classification))
            .filter(c -> level == null || c.level() == level)
            .toList();
    return PagedList.answer(
        reference.stamp(),
        "classifications",
        ReferenceColumns.CLASSIFICATIONS,
        PagedRows.computed(() -> rows),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new ClassificationListDto().data(data).meta(meta).links(links));
  }
}
