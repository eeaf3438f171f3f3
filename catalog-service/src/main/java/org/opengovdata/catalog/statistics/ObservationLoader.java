package org.opengovdata.catalog.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.dataset.DatasetVersion;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.load.CsvRows;
import org.opengovdata.catalog.load.LoadResult;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /statistics/observations/bulk}: validates every row and loads the file whole or not
 * at all. A changed value never overwrites: the current row is closed ({@code superseded_on} = the
 * new value's publication day) and the new value added, so {@code asOf} still finds the old one.
 */
@Service
class ObservationLoader {

  static final String DATASET = "statistics-national-economy";
  static final ZoneId PUBLICATION_ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<String> REQUIRED =
      List.of("indicator", "region", "period", "value", "status");
  private static final List<String> OPTIONAL = List.of("publishedOn");
  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final IndicatorRepository indicators;
  private final DatasetCatalog catalog;
  private final Clock clock;

  @Autowired
  ObservationLoader(
      JdbcTemplate jdbc,
      ReferenceData reference,
      IndicatorRepository indicators,
      DatasetCatalog catalog) {
    this(jdbc, reference, indicators, catalog, Clock.system(PUBLICATION_ZONE));
  }

  ObservationLoader(
      JdbcTemplate jdbc,
      ReferenceData reference,
      IndicatorRepository indicators,
      DatasetCatalog catalog,
      Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.indicators = indicators;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Transactional
  public LoadResult load(BulkUpload upload) {
    jdbc.execute(
        """
        create temporary table observation_load (
          row_no bigint, indicator_code text, region_code text, period text, period_start date,
          period_end date, value numeric, status text, published_on date) on commit drop
        """);
    Map<String, Indicator> known = indicators.all();
    LocalDate today = LocalDate.now(clock);
    RowErrors errors = new RowErrors();
    List<Object[]> batch = new ArrayList<>(BATCH);
    long rows =
        CsvRows.forEach(
            upload.reader(),
            REQUIRED,
            OPTIONAL,
            errors,
            row -> {
              Object[] values = validate(row, known, today, errors);
              if (values != null && errors.isEmpty()) {
                batch.add(values);
                if (batch.size() == BATCH) {
                  stage(batch);
                }
              }
            });
    errors.rejectIfAny();
    stage(batch);
    findDuplicates(errors);
    findBackdatedRevisions(errors);
    errors.rejectIfAny();
    return merge(rows);
  }

  private Object[] validate(
      CsvRows.Row row, Map<String, Indicator> known, LocalDate today, RowErrors errors) {
    long n = row.number();
    Indicator indicator = known.get(row.get("indicator"));
    if (indicator == null) {
      errors.add(n, "indicator", row.get("indicator"), "unknown indicator code");
    }
    String region = row.get("region");
    if (reference.region(region).isEmpty()) {
      errors.add(n, "region", region, "unknown region code '%s'".formatted(region));
    }
    Period period = Period.parse(row.get("period"));
    if (period == null) {
      errors.add(n, "period", row.get("period"), "period must look like 2024, 2024Q3 or 2024-07");
    } else if (indicator != null && period.frequency() != indicator.frequency()) {
      errors.add(
          n,
          "period",
          row.get("period"),
          "indicator %s is %s; the period is %s"
              .formatted(indicator.code(), indicator.frequency(), period.frequency()));
    }
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
    LocalDate publishedOn = parseDate(row.get("publishedOn"), today);
    if (publishedOn == null) {
      errors.add(n, "publishedOn", row.get("publishedOn"), "publishedOn must be an ISO date");
    } else if (publishedOn.isAfter(today)) {
      errors.add(n, "publishedOn", row.get("publishedOn"), "publishedOn is in the future");
    }
    if (indicator == null
        || reference.region(region).isEmpty()
        || period == null
        || period.frequency() != indicator.frequency()
        || value == null
        || status == null
        || publishedOn == null
        || publishedOn.isAfter(today)) {
      return null;
    }
    return new Object[] {
      n,
      indicator.code(),
      region,
      period.text(),
      period.start(),
      period.end(),
      value,
      status.name(),
      publishedOn
    };
  }

  private void stage(List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate("insert into observation_load values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
      batch.clear();
    }
  }

  private void findDuplicates(RowErrors errors) {
    jdbc.query(
        """
        select row_no, period, first_value(row_no) over (
                 partition by indicator_code, region_code, period order by row_no) as first_row
          from observation_load order by row_no
        """,
        rs -> {
          if (rs.getLong("first_row") != rs.getLong("row_no")) {
            errors.add(
                rs.getLong("row_no"),
                "period",
                rs.getString("period"),
                "duplicate key: row %d has the same indicator, region and period"
                    .formatted(rs.getLong("first_row")));
          }
        });
  }

  private void findBackdatedRevisions(RowErrors errors) {
    jdbc.query(
        """
        select l.row_no, l.published_on, o.published_on as current_published_on
          from observation_load l
          join observation o on o.indicator_code = l.indicator_code
           and o.region_code = l.region_code and o.period = l.period and o.superseded_on is null
         where (o.value <> l.value or o.status <> l.status) and l.published_on < o.published_on
         order by l.row_no
        """,
        (RowCallbackHandler)
            rs ->
                errors.add(
                    rs.getLong("row_no"),
                    "publishedOn",
                    rs.getString("published_on"),
                    "a revision must not be published before the value it replaces (published %s)"
                        .formatted(rs.getString("current_published_on"))));
  }

  private LoadResult merge(long rows) {
    int revised =
        jdbc.update(
            """
        update observation o
           set superseded_on = l.published_on, modified = now()
          from observation_load l
         where o.indicator_code = l.indicator_code and o.region_code = l.region_code
           and o.period = l.period and o.superseded_on is null
           and (o.value <> l.value or o.status <> l.status)
        """);
    int inserted =
        jdbc.update(
            """
        insert into observation (indicator_code, region_code, period, period_start, period_end,
                                 value, status, published_on)
        select l.indicator_code, l.region_code, l.period, l.period_start, l.period_end, l.value,
               l.status, l.published_on
          from observation_load l
         where not exists (select 1 from observation o
                            where o.indicator_code = l.indicator_code
                              and o.region_code = l.region_code and o.period = l.period
                              and o.superseded_on is null)
        """);
    List<DatasetVersion> versions =
        inserted > 0 ? catalog.recordUpdate(List.of(DATASET)) : List.of();
    long added = inserted - revised;
    return new LoadResult(rows, added, revised, rows - inserted, versions);
  }

  private static BigDecimal parseValue(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return text.contains("e") || text.contains("E") || value.precision() > 24 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate parseDate(String text, LocalDate today) {
    if (text.isEmpty()) {
      return today;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
