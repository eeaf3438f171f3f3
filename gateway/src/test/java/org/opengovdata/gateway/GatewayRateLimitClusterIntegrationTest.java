package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances (two application contexts) against one real Redis: rate limits are counted
 * in each instance's memory and shared through Redis in the background, so one key hammered through
 * both gets no more than its limit plus the stated overshoot (5 %).
 */
class GatewayRateLimitClusterIntegrationTest {

  static final String ADMIN_KEY = "odk_cluster_test_admin_key_" + System.nanoTime();
  static final StubService CATALOG = StubService.on(StubService.freePort());
  static final int LIMIT = 600;

  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;

  @BeforeAll
  static void startTwoGateways() {
    first = gateway();
    second = gateway();
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    CATALOG.close();
  }

  private static ConfigurableApplicationContext gateway() {
    return new SpringApplicationBuilder(GatewayApplication.class)
        .properties(
            // default properties: application.yml's placeholders pick them up
            "PORT=0",
            "REDIS_URL=" + TestInfrastructure.redisUrl(),
            "JWT_SECRET=" + TestTokens.SECRET,
            "ADMIN_API_KEY=" + ADMIN_KEY,
            "CATALOG_URL=http://127.0.0.1:" + CATALOG.port(),
            "logging.level.opendata.access=WARN")
        .run();
  }

  private static String url(ConfigurableApplicationContext gateway, String path) {
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void oneKeyHammeredThroughTwoInstancesGetsItsLimitWithinFivePercent() throws Exception {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url(first, "/api/v1/admin/keys"),
            "{\"name\":\"集群测试\",\"owner\":\"cluster@example.cn\",\"roles\":[\"consumer\"],"
                + "\"limits\":{\"read\":"
                + LIMIT
                + "}}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = JsonPath.read(created.body(), "$.key");
    awayFromAWindowBoundary();

    AtomicInteger passed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<String> targets =
        List.of(url(first, "/api/v1/catalog/datasets"), url(second, "/api/v1/catalog/datasets"));
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> running =
          java.util.stream.IntStream.range(0, 16)
              .<Future<?>>mapToObj(
                  n ->
                      clients.submit(
                          () -> {
                            String target = targets.get(n % 2);
                            while (refused.get() < 3 * LIMIT && other.get() < 10) {
                              int status = Http.get(target, "X-API-Key", key).statusCode();
                              if (status == 200) {
                                passed.incrementAndGet();
                              } else if (status == 429) {
                                refused.incrementAndGet();
                              } else {
                                other.incrementAndGet();
                              }
                            }
                          }))
              .toList();
      for (Future<?> client : running) {
        client.get(120, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(other.get()).as("answers other than 200 and 429").isZero();
    assertThat(passed.get()).as("let through by both instances").isLessThanOrEqualTo(630);
    // the split of the remaining budget converges on the limit, it does not starve the key
    assertThat(passed.get()).isGreaterThanOrEqualTo(540);
  }

  /** The whole run inside one 60 s window: a new window would rightly start a new count. */
  private static void awayFromAWindowBoundary() {
    await()
        .atMost(Duration.ofSeconds(35))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> System.currentTimeMillis() % 60_000 < 30_000);
  }
}
