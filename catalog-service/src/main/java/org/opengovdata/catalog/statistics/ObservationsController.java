package org.opengovdata.catalog.statistics;

import java.util.Set;
import org.opengovdata.catalog.api.StatisticsObservationsApi;
import org.opengovdata.catalog.api.model.BulkLoadResultDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.ObservationDto;
import org.opengovdata.catalog.api.model.ObservationListDto;
import org.opengovdata.catalog.api.model.ObservationStatusDto;
import org.opengovdata.catalog.api.model.VintagesDto;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.Params;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.TabularList;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ObservationsController implements StatisticsObservationsApi {

  private final TabularResource<Observation, ObservationFilter, ObservationDto> observations;
  private final ObservationLoader loader;
  private final IndicatorRepository indicators;
  private final ReferenceData reference;

  ObservationsController(
      TabularResource<Observation, ObservationFilter, ObservationDto> observations,
      ObservationLoader loader,
      IndicatorRepository indicators,
      ReferenceData reference) {
    this.observations = observations;
    this.loader = loader;
    this.indicators = indicators;
    this.reference = reference;
  }

  @Override
  public ResponseEntity<ObservationListDto> listObservations(
      String indicator,
      String region,
      Boolean includeSubregions,
      String from,
      String to,
      String asOf,
      VintagesDto vintages,
      ObservationStatusDto status,
      String modifiedSince,
      String sort,
      String fields,
      Integer page,
      Integer size,
      String cursor,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    ObservationFilter filter =
        filter(
            indicator, region, includeSubregions, from, to, asOf, vintages, status, modifiedSince);
    return TabularList.answer(
        observations,
        filter,
        new ListParameters(sort, fields, page, size, cursor, format, ifNoneMatch)
            .withLabels(labels),
        (data, meta, links) -> new ObservationListDto().data(data).meta(meta).links(links));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<BulkLoadResultDto> loadObservations(InputStreamResource body) {
    return ResponseEntity.ok(
        loader.load(BulkUpload.of(body), Caller.current().orElseThrow()).toDto());
  }

  private ObservationFilter filter(
      String indicator,
      String region,
      Boolean includeSubregions,
      String from,
      String to,
      String asOf,
      VintagesDto vintages,
      ObservationStatusDto status,
      String modifiedSince) {
    boolean all = vintages == VintagesDto.ALL;
    if (all && asOf != null) {
      throw ApiException.invalidParameter(
          "asOf", "asOf chooses one vintage; vintages=all lists every one — give one or the other");
    }
    if (indicator != null && indicators.find(indicator).isEmpty()) {
      throw ApiException.invalidParameter(
          "indicator",
          "'%s' is not an indicator code; see /statistics/indicators".formatted(indicator));
    }
    Set<String> regions = reference.regionsSelected("region", region, includeSubregions);
    Period first = period("from", from);
    Period last = period("to", to);
    if (first != null && last != null && first.start().isAfter(last.end())) {
      throw ApiException.invalidParameter("from", "from (%s) is after to (%s)".formatted(from, to));
    }
    return new ObservationFilter(
        indicator,
        regions,
        first,
        last,
        Params.date("asOf", asOf),
        all,
        status == null ? null : Observation.Status.valueOf(status.name()),
        Params.instant("modifiedSince", modifiedSince));
  }

  private static Period period(String parameter, String text) {
    if (text == null) {
      return null;
    }
    Period period = Period.parse(text);
    if (period == null) {
      throw ApiException.invalidParameter(
          parameter, "'%s' is not a period like 2024, 2024Q3 or 2024-07".formatted(text));
    }
    return period;
  }
}
