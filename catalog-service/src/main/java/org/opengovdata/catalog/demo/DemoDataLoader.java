package org.opengovdata.catalog.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the generated demo data at startup — before the service reports ready — when {@code
 * opendata.catalog.demo-data.enabled} is set and the catalogue holds no data yet. A restart does
 * nothing; a restart with another {@code scale} replaces the demo data, but only as long as no
 * publisher has loaded anything since (real data is never touched).
 */
@Component
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final List<String> DATASETS =
      List.of(
          "fiscal-general-public",
          "fiscal-government-fund",
          "fiscal-state-capital",
          "fiscal-social-insurance",
          "fiscal-three-public",
          "statistics-national-economy");

  private final DemoDataProperties properties;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final DatasetCatalog catalog;
  private final ReferenceData reference;

  DemoDataLoader(
      DemoDataProperties properties,
      JdbcClient jdbc,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      DatasetCatalog catalog,
      ReferenceData reference) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transaction = new TransactionTemplate(transactions);
    this.catalog = catalog;
    this.reference = reference;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      return;
    }
    Integer loadedScale =
        jdbc.sql("select scale from demo_data").query(Integer.class).optional().orElse(null);
    if (loadedScale != null && loadedScale == properties.scale()) {
      log.info("Demo data (scale {}) already loaded", loadedScale);
      return;
    }
    if (loadedScale == null && hasData()) {
      log.info("The catalogue holds data; no demo data loaded");
      return;
    }
    if (loadedScale != null && publishedSinceDemo()) {
      log.warn(
          "Demo data is scale {}, {} was asked for, but publishers have loaded data since;"
              + " leaving the catalogue as it is",
          loadedScale,
          properties.scale());
      return;
    }
    long started = System.nanoTime();
    long rows = transaction.execute(status -> load(loadedScale != null));
    reference.reload();
    log.info(
        "Loaded demo data (seed {}, scale {}): {} fiscal line items in {} s",
        properties.seed(),
        properties.scale(),
        rows,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private boolean hasData() {
    return jdbc.sql(
            "select exists (select 1 from fiscal_item) or exists (select 1 from observation)"
                + " or exists (select 1 from three_public_expense)")
        .query(Boolean.class)
        .single();
  }

  private boolean publishedSinceDemo() {
    return jdbc.sql(
            "select exists (select 1 from outbox_event e, demo_data d"
                + " where e.occurred_at > d.loaded_at)")
        .query(Boolean.class)
        .single();
  }

  private long load(boolean replace) {
    if (replace) {
      jdbc.sql("truncate fiscal_item, three_public_expense, observation, demo_data").update();
      jdbc.sql("delete from classification where synthetic").update();
    }
    FiscalDemo fiscal =
        new FiscalDemo(
            properties.seed(), properties.scale(), properties.fromYear(), properties.toYear());
    StatisticsDemo statistics =
        new StatisticsDemo(
            properties.seed(), properties.fromYear(), properties.toYear(), fiscal.regions());
    Connection connection = DataSourceUtils.getConnection(dataSource);
    long rows;
    try {
      insertSynthetic(fiscal.syntheticClassifications());
      rows =
          PgCopy.copy(
              connection,
              "copy fiscal_item (year, region_code, budget_type, stage,"
                  + " direction, classification_code, amount) from stdin (format csv)",
              sink ->
                  fiscal.items(
                      i ->
                          sink.accept(
                              i.year()
                                  + ","
                                  + i.region()
                                  + ","
                                  + i.budget()
                                  + ","
                                  + i.stage()
                                  + ","
                                  + i.direction()
                                  + ","
                                  + i.code()
                                  + ","
                                  + wan(i.cents()))));
      PgCopy.copy(
          connection,
          "copy three_public_expense (year, region_code, stage,"
              + " overseas_travel, vehicle_purchase, vehicle_operation, official_reception)"
              + " from stdin (format csv)",
          sink ->
              fiscal.threePublic(
                  t ->
                      sink.accept(
                          String.join(
                              ",",
                              Integer.toString(t.year()),
                              t.region(),
                              t.stage().name(),
                              wan(t.overseas()),
                              wan(t.purchase()),
                              wan(t.operation()),
                              wan(t.reception())))));
      PgCopy.copy(
          connection,
          "copy observation (indicator_code, region_code, period, period_start,"
              + " period_end, value, status, published_on, superseded_on) from stdin (format csv)",
          sink ->
              statistics.observations(
                  o ->
                      sink.accept(
                          String.join(
                              ",",
                              o.indicator(),
                              o.region(),
                              o.period(),
                              o.periodStart().toString(),
                              o.periodEnd().toString(),
                              o.value().toPlainString(),
                              o.status(),
                              o.publishedOn().toString(),
                              o.supersededOn() == null ? "" : o.supersededOn().toString()))));
    } catch (SQLException e) {
      throw new IllegalStateException("Loading demo data failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    jdbc.sql("insert into demo_data (id, seed, scale, fiscal_rows) values (1, ?, ?, ?)")
        .params(properties.seed(), properties.scale(), rows)
        .update();
    catalog.recordUpdate(DATASETS);
    return rows;
  }

  private void insertSynthetic(List<Classification> codes) {
    for (Classification c : codes) {
      jdbc.sql(
              "insert into classification (code, name, level, parent_code, direction, synthetic)"
                  + " values (?, ?, ?, ?, ?, true) on conflict (code) do nothing")
          .params(
              c.code(),
              c.name(),
              c.level(),
              c.parentCode(),
              c.revenue() ? "REVENUE" : "EXPENDITURE")
          .update();
    }
  }

  private static String wan(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
