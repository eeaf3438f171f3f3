package org.opengovdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.AbstractServiceIT;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog on its real infrastructure: what every service promises ({@link AbstractServiceIT})
 * and its migrated PostgreSQL schema.
 */
class CatalogInfrastructureIntegrationTest extends AbstractServiceIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
  }

  @Override
  protected String service() {
    return "catalog";
  }

  @Override
  protected List<String> dependencies() {
    return List.of("db", "redis");
  }

  @Autowired JdbcClient jdbc;

  /** Issue #12: a misspelled or unknown filter is a 400 naming it, never a silent full table. */
  @Test
  void misspelledParametersAre400WithADidYouMean() {
    HttpResponse<String> yaer = Http.get(url("/api/v1/catalog/fiscal/items?yaer=2024&format=csv"));
    assertThat(yaer.statusCode()).isEqualTo(400);
    assertThat(yaer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(yaer.body(), "$.detail"))
        .startsWith("unknown query parameter 'yaer' — did you mean 'year'?")
        .contains("accepted: budgetType, classification,");
    assertThat(JsonPath.<List<String>>read(yaer.body(), "$.acceptedParameters"))
        .contains("year", "region", "format");

    HttpResponse<String> snake =
        Http.get(url("/api/v1/catalog/fiscal/items?budget_type=X&regionCode=150600"));
    assertThat(snake.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(snake.body(), "$.errors[*].parameter"))
        .containsExactlyInAnyOrder("budget_type", "regionCode");
    assertThat(
            JsonPath.<List<String>>read(
                snake.body(), "$.errors[?(@.parameter=='budget_type')].detail"))
        .singleElement()
        .asString()
        .contains("did you mean 'budgetType'?");

    String longName = "p".repeat(5000);
    HttpResponse<String> huge = Http.get(url("/api/v1/catalog/fiscal/items?" + longName + "=1"));
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(huge.body(), "$.errors[0].parameter"))
        .hasSize(256)
        .endsWith("…");

    assertThat(Http.get(url("/api/v1/catalog/fiscal/items?year=2024&size=1")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void flywayMigratedTheCatalogSchema() {
    List<String> tables =
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'catalog'")
            .query(String.class)
            .list();
    assertThat(tables).contains("outbox_event", "flyway_schema_history");
    Long id =
        jdbc.sql(
                "insert into outbox_event (type, aggregate_id, version) values ('dataset.updated', 'fiscal-items', 1) returning id")
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("select type from outbox_event where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("dataset.updated");
  }
}
