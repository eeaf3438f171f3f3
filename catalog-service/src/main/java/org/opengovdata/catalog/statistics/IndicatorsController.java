package org.opengovdata.catalog.statistics;

import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.api.StatisticsIndicatorsApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.FrequencyDto;
import org.opengovdata.catalog.api.model.IndicatorListDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.PagedList;
import org.opengovdata.catalog.web.Params;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
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
      String ifNoneMatch) {
    var query =
        new IndicatorRepository.Query(
            frequency == null ? null : Period.Frequency.valueOf(frequency.name()),
            q,
            Params.instant("modifiedSince", modifiedSince));
    return PagedList.answer(
        Read.of(
            catalog.stamp(DatasetCatalog.THEME_STATISTICS) + reference.stamp(),
            Formats.explicit(format),
            Formats.TABULAR),
        ifNoneMatch,
        "indicators",
        IndicatorColumns.COLUMNS,
        new PagedList.Rows<>() {
          @Override
          public long total() {
            return indicators.count(query);
          }

          @Override
          public List<Indicator> page(PageRequest page) {
            return indicators.page(query, page);
          }

          @Override
          public void all(Consumer<Indicator> sink) {
            // a few dozen indicators at most: one query for all of them
            indicators.page(query, new PageRequest(0, Integer.MAX_VALUE)).forEach(sink);
          }
        },
        new PageRequest(page, size),
        (data, meta, links) -> new IndicatorListDto().data(data).meta(meta).links(links));
  }
}
