package org.opengovdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo policies loaded at startup into a fresh schema, and served by the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyDemoIntegrationTest {

  private static final String SCHEMA = "catalog_policy_demo_it";

  @DynamicPropertySource
  static void freshSchemaWithDemoPolicies(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.default-schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
    registry.add("opendata.catalog.demo-data.enabled", () -> "false");
    registry.add("opendata.catalog.demo-policies.enabled", () -> "true");
    registry.add("opendata.catalog.demo-policies.count", () -> "500");
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

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void startupLoadedPublishedPoliciesWithTheirEventsAndValidityChanges() {
    assertThat(count("select count(*) from policy where status = 'PUBLISHED'")).isEqualTo(500);
    assertThat(count("select count(*) from outbox_event where type = 'policy.published'"))
        .isEqualTo(500);
    assertThat(count("select count(*) from policy where amended_on is not null")).isPositive();
    assertThat(count("select count(*) from policy where repealed_on is not null")).isPositive();
    assertThat(count("select count(*) from policy_interpretation")).isPositive();
    assertThat(count("select count(distinct region_code) from policy")).isGreaterThan(50);

    HttpResponse<String> list =
        Http.get("http://localhost:" + port + "/api/v1/catalog/policies?inForceOn=2020-06-01");
    assertThat(list.statusCode()).isEqualTo(200);
    long inForce =
        count(
            "select count(*) from policy where effective_date <= date '2020-06-01'"
                + " and (expiry_date is null or expiry_date > date '2020-06-01')"
                + " and (repealed_on is null or repealed_on > date '2020-06-01')"
                + " and (amended_on is null or amended_on > date '2020-06-01')");
    assertThat(JsonPath.<Integer>read(list.body(), "$.meta.total")).isEqualTo((int) inForce);
    assertThat(inForce).isPositive().isLessThan(500);
  }
}
