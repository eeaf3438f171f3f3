package org.opengovdata.catalog;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Base of the catalog's integration tests: the service on a random port against the real PostgreSQL
 * and Redis of {@link TestInfrastructure}, without demo data. The test classes share one
 * application context and one database schema and run one after another; each starts from an empty
 * catalogue with {@link #resetData()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CatalogIntegrationTest {

  protected static final String BASE = "/api/v1/catalog";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("opendata.catalog.demo-data.enabled", () -> "false");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  protected String url(String pathAndQuery) {
    return "http://localhost:" + port + BASE + pathAndQuery;
  }

  protected HttpResponse<String> get(String pathAndQuery, String... headers) {
    return Http.get(url(pathAndQuery), headers);
  }

  protected HttpResponse<String> post(String path, String csv, String... headers) {
    return Http.send("POST", url(path), csv, headers);
  }

  protected HttpResponse<String> loadFiscal(String csv) {
    return post("/fiscal/items/bulk", csv, publisherHeaders());
  }

  protected HttpResponse<String> loadObservations(String csv) {
    return post("/statistics/observations/bulk", csv, publisherHeaders());
  }

  protected static String[] publisherHeaders() {
    return new String[] {
      "Authorization",
      TestTokens.bearer("key_publisher_it", Role.PUBLISHER),
      "Content-Type",
      "text/csv; charset=utf-8"
    };
  }

  protected static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Empties the catalogue's data and bumps every dataset's version, as a load would, so that no
   * ETag or cache entry of an earlier test class can match.
   */
  protected void resetData() {
    jdbc.sql(
            "truncate fiscal_item, three_public_expense, observation, outbox_event, demo_data,"
                + " policy_transition, policy_interpretation, policy_attachment, policy")
        .update();
    jdbc.sql("update dataset set version = version + 1, modified = clock_timestamp()").update();
  }
}
