package org.opengovdata.catalog.statistics;

import java.util.List;
import org.opengovdata.catalog.api.StatisticsIndicatorsApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.FrequencyDto;
import org.opengovdata.catalog.api.model.IndicatorListDto;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.Params;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IndicatorsController implements StatisticsIndicatorsApi {

  private final IndicatorRepository indicators;
  private final Observations observations;
  private final ReferenceData reference;

  IndicatorsController(
      IndicatorRepository indicators, Observations observations, ReferenceData reference) {
    this.indicators = indicators;
    this.observations = observations;
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
    Read read =
        Read.of(
            observations.stamp() + reference.stamp(), Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<IndicatorListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    var columns = IndicatorColumns.COLUMNS;
    long total = indicators.count(query);
    if (read.csv()) {
      List<Indicator> all = indicators.page(query, new PageRequest(0, (int) Math.max(1, total)));
      read.writeCsv("indicators", columns.all(), all.size(), all::forEach);
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new IndicatorListDto()
            .data(
                indicators.page(query, pageRequest).stream()
                    .map(i -> columns.toDto(i, columns.all()))
                    .toList())
            .meta(ListEnvelope.meta(columns.all(), total, pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, total)));
  }
}
