package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with real Redis in front of real HTTP servers: routing, request ids, problem+json,
 * and the circuit breaker's fast 503 for a dead service and its recovery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTest {

  static final StubService CATALOG = StubService.on(StubService.freePort());
  static final int DEAD_SEARCH_PORT = StubService.freePort();
  static final int LATE_ARCHIVE_PORT = StubService.freePort();

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + CATALOG.port());
    registry.add("SEARCH_URL", () -> "http://127.0.0.1:" + DEAD_SEARCH_PORT);
    registry.add("ARCHIVE_URL", () -> "http://127.0.0.1:" + LATE_ARCHIVE_PORT);
    // Not a rate-limit test: the anonymous read budget (120 a minute per address) is counted
    // cluster-wide in Redis, so the anonymous reads from 127.0.0.1 of the gateway test classes
    // that ran just before counted against this class's sixty concurrent reads (a 429 once).
    registry.add("opendata.gateway.rate-limits.anonymous.read", () -> "100000");
  }

  @AfterAll
  static void stopStubs() {
    CATALOG.close();
  }

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  @Autowired ApplicationContext context;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void routesToTheServiceAndPropagatesTheRequestId() {
    HttpResponse<String> response =
        Http.get(url("/api/v1/catalog/info"), "X-Request-Id", "portal-42");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.path")).isEqualTo("/api/v1/catalog/info");
    assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo("portal-42");
    assertThat(response.headers().allValues("X-Request-Id")).containsExactly("portal-42");
  }

  @Test
  void unknownPathIsProblemJson() {
    HttpResponse<String> response = Http.get(url("/no/such/path"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/problems/not-found");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  /**
   * The mechanism, not a latency: a dead service gives 503 problem+json with Retry-After, and once
   * its circuit is open the gateway answers without trying to connect (calls refused by the
   * circuit).
   */
  @Test
  void deadServiceAnswers503ProblemAndTheOpenCircuitStopsCalling() {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = Http.get(url("/api/v1/search/info"));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(JsonPath.<String>read(response.body(), "$.instance"))
          .isEqualTo("/api/v1/search/info");
    }
    CircuitBreaker breaker = breakers.circuitBreaker("search");
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    long refusedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();
    HttpResponse<String> refused = Http.get(url("/api/v1/search/info"));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("paused");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(refusedBefore + 1);
  }

  @Test
  void routeRecoversWhenTheServiceComesBack() {
    assertThat(Http.get(url("/api/v1/archive/info")).statusCode()).isEqualTo(503);
    try (StubService archive = StubService.on(LATE_ARCHIVE_PORT)) {
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> Http.get(url("/api/v1/archive/info")).statusCode() == 200);
    }
  }

  @Test
  void serverErrorsAndWritesAreNotRetried() {
    CATALOG.resetCalls();
    CATALOG.respondWith(500);
    try {
      assertThat(Http.get(url("/api/v1/catalog/fiscal/items")).statusCode()).isEqualTo(500);
      assertThat(Http.send("POST", url("/api/v1/catalog/fiscal/items/bulk"), "x").statusCode())
          .isEqualTo(500);
      assertThat(CATALOG.calls("GET")).isEqualTo(1);
      assertThat(CATALOG.calls("POST")).isEqualTo(1);
    } finally {
      CATALOG.respondWith(200);
    }
  }

  @Test
  void readinessReflectsRedis() {
    HttpResponse<String> response = Http.get(url("/actuator/health/readiness"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.components.redis.status")).isEqualTo("UP");
  }

  /** Refusing traffic is a 503 on the readiness probe (the shared health mapping names it). */
  @Test
  void readinessIs503WhileRefusingTraffic() {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> response = Http.get(url("/actuator/health/readiness"));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("OUT_OF_SERVICE");
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(Http.get(url("/actuator/health/readiness")).statusCode()).isEqualTo(200);
  }

  /**
   * Many reads in flight at once are all answered: the route's circuit breaker must not come with
   * Spring Cloud CircuitBreaker's default bulkhead (25 concurrent calls), whose refusals it would
   * count as failures — under 200 connections that opened the circuit and turned reads into 503s.
   */
  @Test
  void sixtyConcurrentReadsAreAllAnswered() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(60);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        statuses.add(clients.submit(() -> Http.get(url("/api/v1/catalog/held")).statusCode()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
