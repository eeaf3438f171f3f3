package org.opengovdata.catalog.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.dataset.DatasetVersion;
import org.opengovdata.catalog.load.LoadLog;
import org.opengovdata.catalog.load.LoadResult;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.load.RowValidator;
import org.opengovdata.catalog.load.StagedLoad;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * {@code POST /statistics/observations/bulk}: a file of observations loaded whole or not at all
 * ({@link StagedLoad}). A changed value never overwrites: the current row is closed ({@code
 * superseded_on} = the new value's publication day) and the new value added, so {@code asOf} still
 * finds the old one.
 */
@Service
class ObservationLoader extends StagedLoad<ObservationRow> {

  static final String DATASET = "statistics-national-economy";

  /** Publication days are days in Beijing time, whatever the server's zone. */
  static final ZoneId PUBLICATION_ZONE = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final IndicatorRepository indicators;
  private final DatasetCatalog catalog;
  private final Clock clock;

  ObservationLoader(
      JdbcTemplate jdbc,
      LoadLog log,
      ReferenceData reference,
      IndicatorRepository indicators,
      DatasetCatalog catalog,
      Clock clock) {
    super(
        jdbc,
        log,
        "observations",
        "observation_load",
        """
        row_no bigint, indicator_code text, region_code text, period text, period_start date,
        period_end date, value numeric, status text, published_on date""",
        List.of("indicator", "region", "period", "value", "status"),
        List.of("publishedOn"));
    this.jdbc = jdbc;
    this.reference = reference;
    this.indicators = indicators;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Indicators and today's date are read once per load. */
  @Override
  protected RowValidator<ObservationRow> validator() {
    return new ObservationValidator(
        reference, indicators.all(), LocalDate.now(clock.withZone(PUBLICATION_ZONE)));
  }

  @Override
  protected void check(RowErrors errors) {
    findDuplicates(errors);
    findBackdatedRevisions(errors);
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

  @Override
  protected LoadResult merge(long rows) {
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
}
