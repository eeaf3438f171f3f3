package org.opengovdata.catalog.statistics;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.opengovdata.catalog.load.CsvRows;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.load.RowValidator;
import org.opengovdata.catalog.reference.ReferenceData;

/**
 * One line of an observation file, checked cell by cell against the indicators and today's date of
 * one load: the period must match the indicator's frequency, {@code publishedOn} (default: today)
 * must not lie in the future.
 */
final class ObservationValidator implements RowValidator<ObservationRow> {

  private final ReferenceData reference;
  private final Map<String, Indicator> indicators;
  private final LocalDate today;

  ObservationValidator(
      ReferenceData reference, Map<String, Indicator> indicators, LocalDate today) {
    this.reference = reference;
    this.indicators = indicators;
    this.today = today;
  }

  @Override
  public ObservationRow validate(CsvRows.Row row, RowErrors errors) {
    long n = row.number();
    Indicator indicator = indicators.get(row.get("indicator"));
    if (indicator == null) {
      errors.add(n, "indicator", row.get("indicator"), "unknown indicator code");
    }
    String region = row.get("region");
    boolean knownRegion = reference.region(region).isPresent();
    if (!knownRegion) {
      errors.add(n, "region", region, "unknown region code '%s'".formatted(region));
    }
    Period period = period(row, indicator, errors);
    BigDecimal value = parseValue(row.get("value"));
    if (value == null) {
      errors.add(n, "value", row.get("value"), "value must be a decimal number");
    }
    Observation.Status status = Observation.Status.parse(row.get("status")).orElse(null);
    if (status == null) {
      errors.add(
          n,
          "status",
          row.get("status"),
          "status must be PRELIMINARY, FINAL or REVISED (初步, 最终, 修订)");
    }
    LocalDate publishedOn = publishedOn(row, errors);
    if (indicator == null
        || !knownRegion
        || period == null
        || value == null
        || status == null
        || publishedOn == null) {
      return null;
    }
    return new ObservationRow(n, indicator.code(), region, period, value, status, publishedOn);
  }

  /** The period, when it parses and has the indicator's frequency. */
  private static Period period(CsvRows.Row row, Indicator indicator, RowErrors errors) {
    Period period = Period.parse(row.get("period"));
    if (period == null) {
      errors.add(
          row.number(),
          "period",
          row.get("period"),
          "period must look like 2024, 2024Q3 or 2024-07");
    } else if (indicator != null && period.frequency() != indicator.frequency()) {
      errors.add(
          row.number(),
          "period",
          row.get("period"),
          "indicator %s is %s; the period is %s"
              .formatted(indicator.code(), indicator.frequency(), period.frequency()));
      return null;
    }
    return period;
  }

  /** The publication day: today when the cell is empty; a day in the future is an error. */
  private LocalDate publishedOn(CsvRows.Row row, RowErrors errors) {
    String text = row.get("publishedOn");
    LocalDate publishedOn = parseDate(text);
    if (publishedOn == null) {
      errors.add(row.number(), "publishedOn", text, "publishedOn must be an ISO date");
    } else if (publishedOn.isAfter(today)) {
      errors.add(row.number(), "publishedOn", text, "publishedOn is in the future");
      return null;
    }
    return publishedOn;
  }

  private LocalDate parseDate(String text) {
    if (text.isEmpty()) {
      return today;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static BigDecimal parseValue(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return text.contains("e") || text.contains("E") || value.precision() > 24 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
