package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis hanging (connections accepted, no replies — as under SIGSTOP) must not stall the gateway:
 * reads are answered, limits are counted locally (and the fallback is counted), the admin key still
 * works.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "opendata.gateway.rate-limits.anonymous.bulk=3")
class GatewayRedisOutageIntegrationTest {

  static final String ADMIN_KEY = "odk_outage_test_admin_key_0123456789abcdef";
  static final BlackholeServer HUNG_REDIS = new BlackholeServer();
  static final StubService CATALOG = StubService.on(StubService.freePort());

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("opendata.redis.url", () -> "redis://127.0.0.1:" + HUNG_REDIS.port());
    TestTokens.registerSecret(registry);
    registry.add("ADMIN_API_KEY", () -> ADMIN_KEY);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + CATALOG.port());
  }

  @AfterAll
  static void stop() throws IOException {
    CATALOG.close();
    HUNG_REDIS.close();
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * The mechanism, not a latency: requests never wait on Redis (the background sync does, and fails
   * there), so reads are answered with local limits; once a sync has failed every request decided
   * locally is counted in {@code gateway.ratelimit.fallback}.
   */
  @Test
  void readsAreAnsweredWithLocalLimitsAndTheFallbackIsCounted() {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = Http.get(url("/api/v1/catalog/datasets"));
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.headers().firstValue("RateLimit")).isPresent();
              assertThat(meters.counter("gateway.ratelimit.fallback").count()).isPositive();
            });
    assertThat(meters.counter("gateway.ratelimit.syncs").count()).isZero();
  }

  @Test
  void gatewayStaysReadyAndReportsRedisDegraded() {
    HttpResponse<String> readiness = Http.get(url("/actuator/health/readiness"));
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(readiness.body(), "$.status")).isEqualTo("DEGRADED");
    assertThat(JsonPath.<String>read(readiness.body(), "$.components.redis.status"))
        .isEqualTo("DEGRADED");
  }

  @Test
  void localCountingStillEnforcesTheLimit() {
    int refused = 0;
    for (int i = 0; i < 5; i++) {
      if (Http.get(url("/api/v1/catalog/export?format=csv")).statusCode() == 429) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(2);
  }

  @Test
  void bootstrapAdminKeyWorksWithoutRedis() {
    HttpResponse<String> response =
        Http.get(url("/api/v1/catalog/admin/whoami"), "X-API-Key", ADMIN_KEY);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void unverifiableKeyReadsAnonymouslyButCannotWrite() {
    HttpResponse<String> read =
        Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", "odk_some_key_redis_cannot_check");
    assertThat(read.statusCode()).isEqualTo(200);
    HttpResponse<String> write =
        Http.send(
            "POST",
            url("/api/v1/catalog/datasets"),
            "{}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            "odk_some_key_redis_cannot_check");
    assertThat(write.statusCode()).isEqualTo(503);
    assertThat(write.headers().firstValue("Retry-After")).isPresent();
    assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
