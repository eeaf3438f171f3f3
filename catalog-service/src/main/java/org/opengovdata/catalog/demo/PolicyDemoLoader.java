package org.opengovdata.catalog.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.docnumber.DocumentNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads generated policy documents ({@link PolicyDemo}) at startup into an empty policy table:
 * published, with their history, interpretations, amendments and one {@code policy.published}
 * outbox event each (so that search indexes them through the stream, as real publications). One
 * transaction, rows streamed with {@code COPY}.
 */
@Component
@Order(20)
class PolicyDemoLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PolicyDemoLoader.class);

  private final PolicyDemoProperties properties;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final ReferenceData reference;

  PolicyDemoLoader(
      PolicyDemoProperties properties,
      JdbcClient jdbc,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      ReferenceData reference) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transaction = new TransactionTemplate(transactions);
    this.reference = reference;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      return;
    }
    if (jdbc.sql("select exists (select 1 from policy)").query(Boolean.class).single()) {
      log.info("The catalogue holds policies; no demo policies loaded");
      return;
    }
    long started = System.nanoTime();
    Long rows = transaction.execute(status -> load());
    log.info(
        "Loaded {} demo policies in {} s",
        rows,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  long load() {
    List<Region> regions = List.copyOf(reference.regions());
    PolicyDemo demo =
        new PolicyDemo(
            properties.seed(),
            properties.count(),
            properties.fromYear(),
            properties.toYear(),
            regions);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    long rows;
    try {
      rows =
          PgCopy.copy(
              connection,
              "copy policy (id, status, title, document_number, document_number_key,"
                  + " document_number_written, document_issuer_code, document_year,"
                  + " document_serial, issuer, document_type, subject, region_code, written_date,"
                  + " published_date, effective_date, expiry_date, repealed_on, repeal_reason,"
                  + " amends, body, created_by, submitted_by, approved_by)"
                  + " from stdin (format csv)",
              sink -> demo.policies(p -> sink.accept(policyRow(p))));
      PgCopy.copy(
          connection,
          "copy policy_interpretation (id, policy_id, position, title, body, published_date)"
              + " from stdin (format csv)",
          sink ->
              demo.policies(
                  p -> {
                    if (p.interpretationTitle() != null) {
                      sink.accept(
                          csv(
                              new UUID(
                                      p.id().getLeastSignificantBits(),
                                      p.id().getMostSignificantBits())
                                  .toString(),
                              p.id().toString(),
                              "0",
                              p.interpretationTitle(),
                              p.interpretationBody(),
                              p.published().toString()));
                    }
                  }));
    } catch (SQLException e) {
      throw new IllegalStateException("Loading demo policies failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    // 已修订: the amended document, from the amending one's effective date
    jdbc.sql(
            "update policy o set amended_on = n.effective_date, replaced_by = n.id"
                + " from policy n where n.amends = o.id")
        .update();
    jdbc.sql(
            "insert into policy_transition (policy_id, action, from_status, to_status, actor, at,"
                + " comment) select id, 'publish', 'APPROVED', 'PUBLISHED', approved_by,"
                + " published_date::timestamptz, 'demo data' from policy")
        .update();
    jdbc.sql(
            "insert into outbox_event (type, aggregate_id, version)"
                + " select ?, id::text, version from policy order by published_date, id")
        .param(PlatformEvent.POLICY_PUBLISHED)
        .update();
    jdbc.sql("select nextval('policy_change')").query(Long.class).single();
    return rows;
  }

  private static String policyRow(PolicyDemo.DemoPolicy p) {
    String number = p.canonicalNumber();
    String key = DocumentNumbers.parse(number).key();
    return csv(
        p.id().toString(),
        "PUBLISHED",
        p.title(),
        number,
        key,
        number,
        p.issuerCode(),
        p.documentType().equals("ORDER") ? "" : Integer.toString(p.year()),
        Integer.toString(p.serial()),
        p.issuer(),
        p.documentType(),
        p.subject(),
        p.regionCode(),
        p.written().toString(),
        p.published().toString(),
        p.effective().toString(),
        text(p.expiry()),
        text(p.repealedOn()),
        p.repealedOn() == null ? "" : "已被新的规定取代",
        p.amends() == null ? "" : p.amends().toString(),
        p.body(),
        "demo",
        "demo-drafter",
        "demo-approver");
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** One CSV line; empty strings are NULL (COPY's default), text is quoted. */
  private static String csv(String... values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String v = values[i];
      if (v != null && !v.isEmpty()) {
        line.append('"').append(v.replace("\"", "\"\"")).append('"');
      }
    }
    return line.toString();
  }
}
