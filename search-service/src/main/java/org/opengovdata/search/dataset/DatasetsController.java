package org.opengovdata.search.dataset;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.search.api.DatasetsApi;
import org.opengovdata.search.api.model.DatasetHitDto;
import org.opengovdata.search.api.model.DatasetHitHighlightsDto;
import org.opengovdata.search.api.model.DatasetSearchResultDto;
import org.opengovdata.search.api.model.LinksDto;
import org.opengovdata.search.api.model.SearchMetaDto;
import org.opengovdata.search.api.model.ThemeDto;
import org.opengovdata.search.region.RegionTree;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DatasetsController implements DatasetsApi {

  private static final List<String> THEMES = List.of("fiscal", "statistics", "policy");

  private final DatasetSearch search;
  private final RegionTree regions;
  private final HttpServletRequest request;

  DatasetsController(DatasetSearch search, RegionTree regions, HttpServletRequest request) {
    this.search = search;
    this.regions = regions;
    this.request = request;
  }

  @Override
  public ResponseEntity<DatasetSearchResultDto> searchDatasets(
      String q, String theme, String region, Integer page, Integer size) {
    if (theme != null && !THEMES.contains(theme)) {
      throw ApiException.invalidParameter(
          "theme", "'%s' is not one of fiscal, statistics, policy".formatted(theme));
    }
    if (region != null && !regions.contains(region)) {
      throw ApiException.invalidParameter(
          "region", "'%s' is not a region code of 内蒙古自治区 (GB/T 2260)".formatted(region));
    }
    PageRequest paging = new PageRequest(page, size);
    if (paging.offset() + size > 10_000) {
      throw ApiException.invalidParameter("page", "pages reach only the first 10000 datasets");
    }
    String text = q == null || q.isBlank() ? null : q.trim();
    DatasetSearch.Result result = search.search(text, theme, region, page, size);
    PageLinks links = PageLinks.forPage(request, paging, result.total());
    SearchMetaDto meta =
        new SearchMetaDto(result.total(), size, result.took())
            .page(page)
            .totalPages(paging.totalPages(result.total()));
    return ResponseEntity.ok(
        new DatasetSearchResultDto(
            result.hits().stream().map(DatasetsController::dto).toList(),
            meta,
            new LinksDto(links.self()).next(links.next()).prev(links.prev())));
  }

  private static DatasetHitDto dto(DatasetSearch.Hit hit) {
    DatasetDocument d = hit.document();
    DatasetHitDto dto =
        new DatasetHitDto(
                d.id(),
                d.title().original() != null ? d.title().original() : d.title().text(),
                ThemeDto.fromValue(d.theme()))
            .publisher(d.publisher())
            .regionCode(d.regionCode())
            .keywords(d.keywords());
    if (d.description() != null) {
      dto.description(
          d.description().original() != null ? d.description().original() : d.description().text());
    }
    if (d.modified() != null) {
      dto.modified(OffsetDateTime.parse(d.modified()));
    }
    if (!hit.highlights().isEmpty()) {
      DatasetHitHighlightsDto highlights = new DatasetHitHighlightsDto();
      highlights.setTitle(hit.highlights().get("title.text"));
      highlights.setDescription(hit.highlights().get("description.text"));
      dto.highlights(highlights);
    }
    return dto;
  }
}
