package org.opengovdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.common.testsupport.TryItOut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The startup loader on a fresh catalogue — a schema of its own, so that it really starts empty —
 * with demo data for 2024, and the "done when" query on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIntegrationTest {

  private static final String SCHEMA = "catalog_demo_it";
  private static final long SEED = 20150101L;

  @DynamicPropertySource
  static void freshSchemaWithDemoData(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.default-schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
    registry.add("opendata.catalog.demo-data.enabled", () -> "true");
    registry.add("opendata.catalog.demo-data.from-year", () -> "2024");
    registry.add("opendata.catalog.demo-data.to-year", () -> "2024");
  }

  @BeforeAll
  static void dropTheSchema() throws Exception {
    var pg = TestInfrastructure.postgres();
    try (Connection connection = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
      connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DatasetCatalog catalog;
  @Autowired ReferenceData reference;

  private String url(String path) {
    return "http://localhost:" + port + "/api/v1/catalog" + path;
  }

  @Test
  @Order(1)
  void startupLoadedTheGeneratedDataOnce() {
    AtomicLong expected = new AtomicLong();
    new FiscalDemo(SEED, 1, 2024, 2024).items(i -> expected.incrementAndGet());
    assertThat(count("fiscal_item")).isEqualTo(expected.get()).isGreaterThan(20_000);
    assertThat(count("three_public_expense")).isEqualTo(121 * 2);
    assertThat(count("observation")).isGreaterThan(1_000);
    assertThat(jdbc.sql("select scale from demo_data").query(Integer.class).single()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from outbox_event where type = 'dataset.updated'")
                .query(Long.class)
                .single())
        .isEqualTo(6);
    assertThat(jdbc.sql("select min(version) from dataset").query(Long.class).single())
        .isEqualTo(1);

    loader(1).run(null);
    assertThat(count("fiscal_item")).isEqualTo(expected.get());
    assertThat(count("outbox_event")).isEqualTo(6);
  }

  @Test
  @Order(2)
  void ordosSummaryByClassHasOneRowPerClassEqualToItsItems() {
    String filter =
        "year=2024&region=150600&budgetType=GENERAL_PUBLIC&stage=FINAL&direction=EXPENDITURE";
    HttpResponse<String> summary =
        Http.get(url("/fiscal/summary?" + filter + "&groupBy=classification&level=1&size=100"));
    assertThat(summary.statusCode()).isEqualTo(200);
    Map<String, BigDecimal> expected = new TreeMap<>();
    jdbc.sql(
            "select classification_code, amount from fiscal_item where year = 2024"
                + " and region_code = '150600' and budget_type = 'GENERAL_PUBLIC' and stage = 'FINAL'"
                + " and direction = 'EXPENDITURE'")
        .query(
            rs -> {
              expected.merge(rs.getString(1).substring(0, 3), rs.getBigDecimal(2), BigDecimal::add);
            });
    List<Map<String, Object>> rows = JsonPath.read(summary.body(), "$.data");
    // every 类 of the general budget but the reserve fund (预备费, 227), which has no final account
    assertThat(rows).hasSize(26).hasSize(expected.size());
    rows.forEach(
        row ->
            assertThat(new BigDecimal((String) row.get("amount")))
                .as((String) row.get("key"))
                .isEqualByComparingTo(expected.get((String) row.get("key"))));
  }

  @Test
  @Order(3)
  void anotherScaleReplacesDemoDataButNeverPublishedData() {
    loader(2).run(null);
    AtomicLong scale2 = new AtomicLong();
    new FiscalDemo(SEED, 2, 2024, 2024).items(i -> scale2.incrementAndGet());
    assertThat(count("fiscal_item")).isEqualTo(scale2.get());
    assertThat(jdbc.sql("select scale from demo_data").query(Integer.class).single()).isEqualTo(2);

    HttpResponse<String> load =
        Http.send(
            "POST",
            url("/fiscal/items/bulk"),
            "year,region,budgetType,stage,direction,classification,amount\n"
                + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n",
            "Content-Type",
            "text/csv",
            "Authorization",
            TestTokens.bearer("key_pub", Role.PUBLISHER));
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
    loader(1).run(null);
    assertThat(jdbc.sql("select scale from demo_data").query(Integer.class).single()).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select amount::text from fiscal_item where region_code = '150602'"
                        + " and classification_code = '2050202' and stage = 'FINAL' and year = 2024")
                .query(String.class)
                .single())
        .isEqualTo("1.00");
  }

  /**
   * Examples that are true: every response example in the spec that names its request ({@code
   * x-request}) is exactly what the service answers to that request on the demo data — the figures
   * were taken from it, and this keeps them so.
   */
  @Test
  @Order(2)
  void theSpecsResponseExamplesAreWhatTheServiceAnswers() throws Exception {
    Map<String, Object> spec = TryItOut.spec("catalog");
    List<TryItOut.ResponseExample> examples = TryItOut.responseExamples(spec);
    assertThat(examples)
        .extracting(TryItOut.ResponseExample::request)
        .hasSizeGreaterThanOrEqualTo(2);
    JsonMapper json = JsonMapper.builder().build();
    for (TryItOut.ResponseExample example : examples) {
      HttpResponse<String> answer =
          Http.get("http://localhost:" + port + example.request(), "Accept", "application/json");
      assertThat(answer.statusCode()).as(example.request()).isEqualTo(200);
      JsonNode expected = json.readTree(json.writeValueAsString(example.value()));
      assertThat(json.readTree(answer.body())).as(example.request()).isEqualTo(expected);
    }
  }

  /**
   * "Try it out" in /docs pre-fills every parameter with an example or a default: each read of the
   * catalog, sent as pre-filled, is accepted — 2xx, or 404 where the example names a record the
   * demo data does not hold — never a 400 on the first click.
   */
  @Test
  @Order(2)
  void everyPreFilledReadIsAccepted() throws Exception {
    Map<String, Object> spec = TryItOut.spec("catalog");
    List<TryItOut.PreFilled> reads = TryItOut.preFilledReads(spec);
    assertThat(reads).hasSizeGreaterThan(10);
    String admin = TestTokens.bearer("key_admin_it", Role.ADMIN);
    for (TryItOut.PreFilled read : reads) {
      HttpResponse<String> answer =
          Http.get("http://localhost:" + port + read.uri(), "Authorization", admin);
      if (read.namesARecord()) {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isIn(200, 404);
      } else {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isEqualTo(200);
      }
    }
  }

  private DemoDataLoader loader(int scale) {
    return new DemoDataLoader(
        new DemoDataProperties(true, scale, SEED, 2024, 2024),
        jdbc,
        dataSource,
        transactions,
        catalog,
        reference);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
