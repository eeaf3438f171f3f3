package org.opengovdata.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis is only an optimisation: with it unreachable the service is slower, never wrong or down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisDownIntegrationTest {

  private static final String HEADER =
      "year,region,budgetType,stage,direction,classification,amount\n";

  @DynamicPropertySource
  static void infrastructureWithoutRedis(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestTokens.registerSecret(registry);
    registry.add("opendata.redis.url", () -> "redis://127.0.0.1:1"); // nothing listens there
    registry.add("opendata.catalog.demo-data.enabled", () -> "false");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private String url(String path) {
    return "http://localhost:" + port + "/api/v1/catalog" + path;
  }

  @Test
  void readsLoadsAndAggregatesWorkFromTheDatabaseAlone() {
    jdbc.sql("truncate fiscal_item, outbox_event").update();
    HttpResponse<String> load =
        Http.send(
            "POST",
            url("/fiscal/items/bulk"),
            HEADER
                + "2024,152900,GENERAL_PUBLIC,FINAL,EXPENDITURE,2130101,10.50\n"
                + "2024,152900,GENERAL_PUBLIC,FINAL,EXPENDITURE,2130106,20.25\n",
            "Content-Type",
            "text/csv",
            "Authorization",
            TestTokens.bearer("key_pub", Role.PUBLISHER));
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);

    String summary =
        "/fiscal/summary?year=2024&region=152900&budgetType=GENERAL_PUBLIC&stage=FINAL"
            + "&direction=EXPENDITURE&groupBy=classification&level=2";
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = Http.get(url(summary));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JsonPath.<List<String>>read(response.body(), "$.data[*].amount"))
          .containsExactly("30.75");
    }
    HttpResponse<String> items = Http.get(url("/fiscal/items?region=152900"));
    assertThat(JsonPath.<Integer>read(items.body(), "$.meta.total")).isEqualTo(2);
    String etag = items.headers().firstValue("ETag").orElseThrow();
    assertThat(Http.get(url("/fiscal/items?region=152900"), "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(
            Http.get(
                    url(
                        "/fiscal/execution?year=2024&region=152900&budgetType=GENERAL_PUBLIC&direction=EXPENDITURE"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void healthSaysWhatIsDownWhileTheDataStillAnswers() {
    HttpResponse<String> readiness = Http.get("http://localhost:" + port + "/readyz");
    // Redis only holds the cache: the catalog stays ready (HTTP 200), reporting it DEGRADED
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(readiness.body(), "$.status")).isEqualTo("DEGRADED");
    assertThat(JsonPath.<String>read(readiness.body(), "$.components.redis.status"))
        .isEqualTo("DEGRADED");
    assertThat(JsonPath.<String>read(readiness.body(), "$.components.db.status")).isEqualTo("UP");
    assertThat(Http.get(url("/datasets")).statusCode()).isEqualTo(200);
  }
}
