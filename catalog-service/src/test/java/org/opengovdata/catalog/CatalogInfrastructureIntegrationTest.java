package org.opengovdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.ServiceSecurityContract;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/** The catalog on its real infrastructure: migrated PostgreSQL schema, Redis, HTTP edges. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogInfrastructureIntegrationTest extends ServiceSecurityContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
  }

  @LocalServerPort int port;

  @Override
  protected String service() {
    return "catalog";
  }

  @Override
  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  @Autowired JdbcClient jdbc;
  @Autowired JedisPooled redis;

  private String url(String path) {
    return "http://localhost:" + port + path;
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

  @Test
  void redisRoundTrip() {
    String key = "catalog:test:" + UUID.randomUUID();
    redis.setex(key, 30, "一般公共预算");
    assertThat(redis.get(key)).isEqualTo("一般公共预算");
  }

  @Test
  void infoReportsVersionAndDependencies() {
    HttpResponse<String> response = Http.get(url("/api/v1/catalog/info"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo("catalog-service");
    assertThat(
            JsonPath.<List<String>>read(response.body(), "$.dependencies[?(@.name=='db')].status"))
        .containsExactly("UP");
    assertThat(
            JsonPath.<List<String>>read(
                response.body(), "$.dependencies[?(@.name=='redis')].status"))
        .containsExactly("UP");
  }

  @Test
  void unknownPathIsProblemJsonWithRequestId() {
    HttpResponse<String> response = Http.get(url("/no/such/path"), "X-Request-Id", "it-catalog-1");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("it-catalog-1");
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/problems/not-found");
    assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo("it-catalog-1");
  }

  @Test
  void readinessIncludesDatabaseAndRedis() {
    HttpResponse<String> response = Http.get(url("/readyz"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.components.db.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(response.body(), "$.components.redis.status")).isEqualTo("UP");
  }
}
