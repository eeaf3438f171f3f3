package org.opengovdata.catalog.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.opengovdata.catalog.api.model.ObservationDto;
import org.opengovdata.catalog.dataset.DatasetCsv;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.TabularResource;
import org.springframework.stereotype.Component;

/**
 * The whole CSV of the statistics dataset: the current value of every observation, as {@code
 * /statistics/observations?format=csv} writes it.
 */
@Component
class StatisticsDatasetCsv implements DatasetCsv {

  private final TabularResource<Observation, ObservationFilter, ObservationDto> observations;

  StatisticsDatasetCsv(
      TabularResource<Observation, ObservationFilter, ObservationDto> observations) {
    this.observations = observations;
  }

  @Override
  public Set<String> datasetIds() {
    return Set.of(ObservationLoader.DATASET);
  }

  @Override
  public void write(String datasetId, OutputStream out) throws IOException {
    observations.writeCsv(
        new ObservationFilter(null, null, null, null, null, false, null, null),
        observations.sort(null),
        observations.columns().all(),
        Column::key,
        out);
  }
}
