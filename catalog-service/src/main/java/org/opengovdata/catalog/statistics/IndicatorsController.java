package org.opengovdata.catalog.statistics;

import org.opengovdata.catalog.api.StatisticsIndicatorsApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.FrequencyDto;
import org.opengovdata.catalog.api.model.IndicatorListDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.catalog.tabular.Params;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.PagedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IndicatorsController implements StatisticsIndicatorsApi {

  private final IndicatorRepository indicators;
  private final DatasetCatalog catalog;
  private final ReferenceData reference;

  IndicatorsController(
      IndicatorRepository indicators, DatasetCatalog catalog, ReferenceData reference) {
    this.indicators = indicators;
    this.catalog = catalog;
    this.reference = reference;
  }

  @Override
  public ResponseEntity<IndicatorListDto> listIndicators(
      FrequencyDto frequency,
      String q,
      String modifiedSince,
      Integer page,
      Integer size,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    var query =
        new IndicatorRepository.Query(
            frequency == null ? null : Period.Frequency.valueOf(frequency.name()),
            q,
            Params.instant("modifiedSince", modifiedSince));
    return PagedList.answer(
        catalog.stamp(DatasetCatalog.THEME_STATISTICS) + reference.stamp(),
        "indicators",
        IndicatorColumns.COLUMNS,
        PagedRows.of(indicators, query, IndicatorRepository.SORT.sort(null)),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new IndicatorListDto().data(data).meta(meta).links(links));
  }
}
