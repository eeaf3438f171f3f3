package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front door with real Redis: API keys and roles, identity tokens the services can trust, rate
 * limits with their headers, body limits, CORS, docs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opendata.gateway.rate-limits.anonymous.bulk=3",
      "opendata.gateway.cors.allowed-origins=https://portal.nmg.gov.cn",
      "opendata.gateway.body-limits.default-limit=64KB",
      "opendata.gateway.rate-limits.trusted-proxies=127.0.0.1"
    })
class GatewaySecurityIntegrationTest {

  static final String ADMIN_KEY = "odk_test_bootstrap_admin_key_0123456789abcdef";
  static final StubService CATALOG = StubService.on(StubService.freePort());

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("ADMIN_API_KEY", () -> ADMIN_KEY);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + CATALOG.port());
    registry.add("SEARCH_URL", () -> "http://127.0.0.1:" + CATALOG.port());
    registry.add("ARCHIVE_URL", () -> "http://127.0.0.1:" + CATALOG.port());
  }

  @AfterAll
  static void stopStub() {
    CATALOG.close();
  }

  @LocalServerPort int port;

  /**
   * A client address of its own for each test that counts on a fresh anonymous budget, vouched for
   * by the trusted proxy (loopback): counts live in every instance's memory, so deleting them in
   * Redis would not reset them.
   */
  private final String client = "203.0.113." + (1 + (int) (Math.random() * 250));

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String createKey(String role) {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"测试 "
                + role
                + "\",\"owner\":\"test@example.cn\",\"roles\":[\""
                + role
                + "\"]}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JsonPath.read(created.body(), "$.key");
  }

  @Test
  void anonymousReadWorksAndCarriesRateLimitHeaders() {
    HttpResponse<String> response = Http.get(url("/api/v1/catalog/datasets"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"read\";q=120;w=60");
    assertThat(response.headers().firstValue("RateLimit"))
        .hasValueSatisfying(value -> assertThat(value).matches("\"read\";r=\\d+;t=\\d+"));
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("120");
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    assertThat(JsonPath.<Boolean>read(response.body(), "$.authorization")).isFalse();
  }

  @Test
  void exceedingTheAnonymousLimitGives429WithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertThat(
              Http.get(url("/api/v1/catalog/fiscal/items?format=csv"), "X-Forwarded-For", client)
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> refused =
        Http.get(url("/api/v1/catalog/fiscal/items?format=csv"), "X-Forwarded-For", client);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    assertThat(JsonPath.<String>read(refused.body(), "$.type")).endsWith("/problems/rate-limited");
    // other route groups have their own budget
    assertThat(Http.get(url("/api/v1/catalog/datasets"), "X-Forwarded-For", client).statusCode())
        .isEqualTo(200);
  }

  @Test
  void the121stAnonymousReadInAMinuteGets429WithRetryAfter() {
    HttpResponse<String> refused =
        readUntilRefused(120, "X-Forwarded-For", client, "Accept", "application/json");
    assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"read\";q=120;w=60");
  }

  @Test
  void aConsumerKeyGets1200ReadsAMinute() {
    HttpResponse<String> refused = readUntilRefused(1200, "X-API-Key", createKey("consumer"));
    assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("1200");
  }

  /**
   * Reads (4 clients in parallel) until the first 429, and checks that one window let exactly
   * {@code limit} reads through before it: each allowed read's {@code RateLimit} header carries a
   * distinct remaining count {@code r}, so a window that reached {@code r=0} let {@code limit}
   * through — even if the loaded machine makes the run straddle a window boundary.
   */
  private HttpResponse<String> readUntilRefused(int limit, String... headers) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<Integer> remaining = ConcurrentHashMap.newKeySet();
    AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
    AtomicInteger sent = new AtomicInteger();
    java.util.regex.Pattern r = java.util.regex.Pattern.compile(";r=(\\d+);");
    Runnable client =
        () -> {
          while (refused.get() == null && sent.incrementAndGet() <= 3 * limit) {
            HttpResponse<String> response = Http.get(url("/api/v1/catalog/datasets"), headers);
            if (response.statusCode() == 429) {
              refused.compareAndSet(null, response);
            } else {
              assertThat(response.statusCode()).isEqualTo(200);
              var matcher = r.matcher(response.headers().firstValue("RateLimit").orElseThrow());
              assertThat(matcher.find()).isTrue();
              remaining.add(Integer.parseInt(matcher.group(1)));
            }
          }
        };
    List<CompletableFuture<Void>> clients =
        IntStream.range(0, 4).mapToObj(n -> CompletableFuture.runAsync(client, pool)).toList();
    clients.forEach(CompletableFuture::join);
    assertThat(refused.get()).as("a 429 after %d reads", limit).isNotNull();
    assertThat(remaining)
        .as("one window let every one of its %d reads through", limit)
        .containsAll(IntStream.range(0, limit).boxed().toList())
        .allMatch(value -> value < limit);
    pool.shutdown();
    assertThat(refused.get().headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(Long.parseLong(refused.get().headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    return refused.get();
  }

  @Test
  void keyManagementNeedsTheAdminRole() {
    String body = "{\"name\":\"x\",\"owner\":\"a@b.cn\",\"roles\":[\"consumer\"]}";
    HttpResponse<String> anonymous =
        Http.send("POST", url("/api/v1/admin/keys"), body, "Content-Type", "application/json");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    String consumer = createKey("consumer");
    HttpResponse<String> forbidden =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            body,
            "Content-Type",
            "application/json",
            "X-API-Key",
            consumer);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(JsonPath.<String>read(forbidden.body(), "$.type")).endsWith("/problems/forbidden");
  }

  @Test
  void createdKeyIsShownOnceAndListedWithoutSecrets() {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"鄂尔多斯市财政局\",\"owner\":\"czj@ordos.gov.cn\",\"roles\":[\"publisher\"],\"limits\":{\"write\":5}}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JsonPath.read(created.body(), "$.id");
    String key = JsonPath.read(created.body(), "$.key");
    assertThat(key).startsWith("odk_").hasSizeGreaterThanOrEqualTo(4 + 43);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/keys/" + id);

    HttpResponse<String> one = Http.get(url("/api/v1/admin/keys/" + id), "X-API-Key", ADMIN_KEY);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).doesNotContain(key).doesNotContain("hash");
    assertThat(JsonPath.<Integer>read(one.body(), "$.limits.write")).isEqualTo(5);

    HttpResponse<String> list =
        Http.get(url("/api/v1/admin/keys?size=100"), "X-API-Key", ADMIN_KEY);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(list.body(), "$.data[*].id")).contains(id);
    assertThat(list.body()).doesNotContain(key);
    assertThat(JsonPath.<Integer>read(list.body(), "$.meta.size")).isEqualTo(100);
  }

  @Test
  void servicesReceiveOnlyTheGatewaysIdentityToken() {
    HttpResponse<String> admin =
        Http.get(url("/api/v1/catalog/admin/whoami"), "X-API-Key", ADMIN_KEY);
    assertThat(admin.statusCode()).isEqualTo(200);
    Map<String, Object> token = JsonPath.read(admin.body(), "$.token");
    assertThat(token)
        .containsEntry("sub", "key_bootstrap_admin")
        .containsEntry("iss", "opendata-gateway");
    assertThat(JsonPath.<List<String>>read(admin.body(), "$.token.roles")).containsExactly("admin");
    assertThat(JsonPath.<Integer>read(admin.body(), "$.token.lifetimeSeconds"))
        .isLessThanOrEqualTo(60);
    assertThat(JsonPath.<String>read(admin.body(), "$.apiKeyHeader")).isNull();

    HttpResponse<String> forged =
        Http.get(
            url("/api/v1/catalog/admin/whoami"),
            "X-Roles",
            "admin",
            "Authorization",
            TestTokens.bearer("key_forged", org.opengovdata.common.security.Role.ADMIN));
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> echoed =
        Http.get(
            url("/api/v1/catalog/datasets"),
            "X-Roles",
            "admin",
            "Authorization",
            "Bearer whatever");
    assertThat(JsonPath.<Boolean>read(echoed.body(), "$.authorization")).isFalse();
    assertThat(JsonPath.<String>read(echoed.body(), "$.rolesHeader")).isNull();
  }

  /** Security issue item 6: a publisher key's scope travels in its identity token. */
  @Test
  void item6_aPublisherKeysScopeIsCarriedInItsIdentityToken() {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"鄂尔多斯市财政局\",\"owner\":\"czj@example.cn\",\"roles\":[\"publisher\"],"
                + "\"scope\":{\"regions\":[\"150600\"],\"datasets\":[\"fiscal-general-public\"]}}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(JsonPath.<List<String>>read(created.body(), "$.scope.regions"))
        .containsExactly("150600");
    String key = JsonPath.read(created.body(), "$.key");
    String id = JsonPath.read(created.body(), "$.id");

    HttpResponse<String> echoed = Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", key);
    assertThat(echoed.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(echoed.body(), "$.token.regions"))
        .containsExactly("150600");
    assertThat(JsonPath.<List<String>>read(echoed.body(), "$.token.datasets"))
        .containsExactly("fiscal-general-public");

    // stored with the key (read back from Redis), and shown to admins
    HttpResponse<String> record = Http.get(url("/api/v1/admin/keys/" + id), "X-API-Key", ADMIN_KEY);
    assertThat(JsonPath.<List<String>>read(record.body(), "$.scope.datasets"))
        .containsExactly("fiscal-general-public");

    // a key without a scope is unrestricted: no scope claims at all
    HttpResponse<String> unscoped =
        Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", createKey("publisher"));
    assertThat(JsonPath.<Object>read(unscoped.body(), "$.token.regions")).isNull();
  }

  @Test
  void keyInQueryParameterWorksAndIsNotForwarded() {
    String consumer = createKey("consumer");
    HttpResponse<String> response =
        Http.get(url("/api/v1/catalog/fiscal/items?year=2024&api_key=" + consumer));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.query")).isEqualTo("year=2024");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.token.roles"))
        .containsExactly("consumer");
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("1200");
  }

  @Test
  void malformedAcceptHeaderIsNotAServerError() {
    HttpResponse<String> response = Http.get(url("/api/v1/catalog/datasets"), "Accept", "foo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"read\";q=120;w=60");
    HttpResponse<String> csv = Http.get(url("/api/v1/catalog/fiscal/items"), "Accept", "text/csv");
    assertThat(csv.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).startsWith("\"bulk\""));
  }

  @Test
  void fallbackIsNotAPublicEndpoint() {
    HttpResponse<String> response = Http.get(url("/fallback/made-up-" + System.nanoTime()));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void unknownKeyIs401Problem() {
    HttpResponse<String> response =
        Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", "odk_not_a_real_key");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("RateLimit")).isPresent();
  }

  @Test
  void revokedKeyStopsWorkingWithinFiveSeconds() {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"短期\",\"owner\":\"t@example.cn\",\"roles\":[\"consumer\"]}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    String id = JsonPath.read(created.body(), "$.id");
    String key = JsonPath.read(created.body(), "$.key");
    assertThat(Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", key).statusCode())
        .isEqualTo(200);

    assertThat(
            Http.send("DELETE", url("/api/v1/admin/keys/" + id), null, "X-API-Key", ADMIN_KEY)
                .statusCode())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", key).statusCode() == 401);
    HttpResponse<String> record = Http.get(url("/api/v1/admin/keys/" + id), "X-API-Key", ADMIN_KEY);
    assertThat(JsonPath.<Boolean>read(record.body(), "$.revoked")).isTrue();
    assertThat(
            Http.send(
                    "DELETE", url("/api/v1/admin/keys/key_nosuchkey"), null, "X-API-Key", ADMIN_KEY)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void selfServiceGivesAConsumerKeyAndValidatesTheEmail() {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/keys"),
            "{\"email\":\"li.na." + client + "@example.cn\",\"name\":\"研究\"}",
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JsonPath.<List<String>>read(created.body(), "$.roles")).containsExactly("consumer");

    HttpResponse<String> invalid =
        Http.send(
            "POST",
            url("/api/v1/keys"),
            "{\"email\":\"not-an-email\"}",
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(invalid.body(), "$.errors[0].parameter")).isEqualTo("email");

    HttpResponse<String> broken =
        Http.send(
            "POST",
            url("/api/v1/keys"),
            "{\"email\":",
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client);
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void selfServiceIsLimitedPerClient() {
    int refused = 0;
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response =
          Http.send(
              "POST",
              url("/api/v1/keys"),
              "{\"email\":\"bulk" + i + "." + UUID.randomUUID() + "@example.cn\"}",
              "Content-Type",
              "application/json",
              "X-Forwarded-For",
              client);
      if (response.statusCode() == 429) {
        refused++;
        assertThat(response.headers().firstValue("RateLimit-Policy"))
            .hasValue("\"signup\";q=5;w=3600");
        // its body was never read: the connection must not be reused for the next request
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
      }
    }
    assertThat(refused).isEqualTo(1);
  }

  @Test
  void oversizedBodyIs413Problem() {
    String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    HttpResponse<String> response =
        Http.send("POST", url("/api/v1/catalog/policies"), big, "Content-Type", "application/json");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("64 KB");
  }

  @Test
  void corsAllowsOnlyConfiguredPortalsToWrite() {
    HttpResponse<String> allowed =
        Http.send(
            "OPTIONS",
            url("/api/v1/catalog/datasets"),
            null,
            "Origin",
            "https://portal.nmg.gov.cn",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "X-API-Key");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://portal.nmg.gov.cn");

    HttpResponse<String> refused =
        Http.send(
            "OPTIONS",
            url("/api/v1/catalog/datasets"),
            null,
            "Origin",
            "https://evil.example.com",
            "Access-Control-Request-Method",
            "POST");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void traceContextIsPropagatedOrStarted() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    HttpResponse<String> kept =
        Http.get(url("/api/v1/catalog/datasets"), "traceparent", traceparent);
    assertThat(JsonPath.<String>read(kept.body(), "$.traceparent")).isEqualTo(traceparent);
    HttpResponse<String> started = Http.get(url("/api/v1/catalog/datasets"));
    assertThat(JsonPath.<String>read(started.body(), "$.traceparent"))
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  }

  @Test
  void docsAndRawSpecsAreServed() {
    HttpResponse<String> spec = Http.get(url("/openapi/catalog.yaml"));
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("openapi: 3.0.3").contains("/api/v1/catalog/info");
    for (String service : List.of("search", "archive", "gateway")) {
      assertThat(Http.get(url("/openapi/" + service + ".yaml")).statusCode())
          .as(service)
          .isEqualTo(200);
    }
    HttpResponse<String> docs = Http.get(url("/docs/"));
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("swagger-ui-bundle.js").contains("/docs/init.js");
    assertThat(Http.get(url("/docs/init.js")).body()).contains("/openapi/catalog.yaml");
    assertThat(Http.get(url("/webjars/swagger-ui/swagger-ui-bundle.js")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> missing = Http.get(url("/openapi/nope.yaml"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
