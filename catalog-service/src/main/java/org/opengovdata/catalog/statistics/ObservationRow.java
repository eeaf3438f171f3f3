package org.opengovdata.catalog.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.opengovdata.catalog.load.StagedRow;

/** A validated line of an observation file, as staged for {@link ObservationLoader}. */
record ObservationRow(
    long row,
    String indicatorCode,
    String regionCode,
    Period period,
    BigDecimal value,
    Observation.Status status,
    LocalDate publishedOn)
    implements StagedRow {

  @Override
  public String datasetId() {
    return ObservationLoader.DATASET;
  }

  @Override
  public Object[] values() {
    return new Object[] {
      row,
      indicatorCode,
      regionCode,
      period.text(),
      period.start(),
      period.end(),
      value,
      status.name(),
      publishedOn
    };
  }
}
