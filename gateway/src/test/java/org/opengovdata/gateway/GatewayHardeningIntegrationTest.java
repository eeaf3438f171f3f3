package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security regression tests of issue 8 for the gateway (one per item, named after it) and the
 * gateway tests issue 7 asked for: admin endpoints' 401/403, per-key limits, body limits of the
 * archive and bulk routes, chunked bodies, trusted proxies, no key in the access log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opendata.gateway.rate-limits.anonymous.bulk=3",
      "opendata.gateway.rate-limits.trusted-proxies=127.0.0.1",
      "opendata.gateway.body-limits.default-limit=64KB",
      "ARCHIVE_UPLOAD_LIMIT=256KB",
      "BULK_UPLOAD_LIMIT=128KB"
    })
class GatewayHardeningIntegrationTest {

  static final String ADMIN_KEY = "odk_hardening_" + UUID.randomUUID().toString().replace("-", "");
  static final StubService SERVICE = StubService.on(StubService.freePort());

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("ADMIN_API_KEY", () -> ADMIN_KEY);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + SERVICE.port());
    registry.add("SEARCH_URL", () -> "http://127.0.0.1:" + SERVICE.port());
    registry.add("ARCHIVE_URL", () -> "http://127.0.0.1:" + SERVICE.port());
  }

  @AfterAll
  static void stopStub() {
    SERVICE.close();
  }

  @LocalServerPort int port;
  @Autowired ReactiveStringRedisTemplate redis;

  /** A client address of its own for each test, vouched for by the trusted proxy (loopback). */
  private final String client = "198.51.100." + (1 + (int) (Math.random() * 250));

  @BeforeEach
  void forgetAnonymousCounters() {
    redis.keys("gateway:rl:*:ip:*").flatMap(redis::delete).blockLast(Duration.ofSeconds(5));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private HttpResponse<String> adminGet(String path) {
    return Http.get(url(path), "X-API-Key", ADMIN_KEY);
  }

  private String createKey(String body) {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            body,
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JsonPath.read(created.body(), "$.key");
  }

  private String consumerKey() {
    return createKey("{\"name\":\"c\",\"owner\":\"c@example.cn\",\"roles\":[\"consumer\"]}");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).isNotBlank();
  }

  // ---------------------------------------------------------------- issue 8

  @Test
  void item2_gatewaysOwnRoutesNeverAnswer500(CapturedOutput output) {
    int before = output.getAll().length();
    assertProblem(adminGet("/api/v1/admin/keys/INVALID"), 400);
    assertProblem(adminGet("/api/v1/admin/keys?size=1000"), 400);
    assertProblem(adminGet("/api/v1/admin/keys?page=-1"), 400);
    assertProblem(adminGet("/api/v1/admin/keys?size=abc"), 400);
    String accept =
        IntStream.range(0, 51)
            .mapToObj(i -> "application/x-t" + i)
            .collect(Collectors.joining(","));
    for (String path : List.of("/api/v1/admin/keys", "/actuator/health", "/no/such/path")) {
      HttpResponse<String> response = Http.get(url(path), "Accept", accept, "X-API-Key", ADMIN_KEY);
      assertThat(response.statusCode()).as(path).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
    }
    assertProblem(Http.get(url("/no/such/path")), 404);
    assertProblem(Http.send("PATCH", url("/api/v1/keys"), "{}"), 405);
    assertProblem(
        Http.get(url("/api/v1/admin/keys"), "X-API-Key", ADMIN_KEY, "Accept", "text/csv"), 406);
    // the access log is written by a background thread (async appender): wait for its lines
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(output.getAll().substring(before)).contains("opendata.access"));
    assertThat(output.getAll().substring(before))
        .doesNotContain("\tat ")
        .doesNotContain("Unhandled gateway error");
  }

  @Test
  void item3_bulkLimitCannotBeSideStepped() {
    for (String format : List.of("%20csv", "csv%20", "%09csv", "CSV")) {
      HttpResponse<String> response =
          Http.get(url("/api/v1/catalog/fiscal/items?format=" + format));
      assertThat(response.headers().firstValue("RateLimit-Policy"))
          .as(format)
          .hasValueSatisfying(policy -> assertThat(policy).startsWith("\"bulk\""));
    }
  }

  @Test
  void item4_apiKeyNeverTravelsPastTheGatewayWhateverItsEncoding(CapturedOutput output) {
    String key = consumerKey();
    for (String name : List.of("api_key", "api%5Fkey", "%61pi_key", "api%5fkey")) {
      HttpResponse<String> response =
          Http.get(url("/api/v1/catalog/fiscal/items?year=2024&" + name + "=" + key + "&x=1"));
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      assertThat(JsonPath.<List<String>>read(response.body(), "$.token.roles"))
          .as(name)
          .containsExactly("consumer");
      assertThat(JsonPath.<String>read(response.body(), "$.query")).isEqualTo("year=2024&x=1");
      assertThat(response.body()).doesNotContain(key);
      assertThat(response.headers().map().toString()).doesNotContain(key);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(output.getAll()).contains("opendata.access"));
    assertThat(output.getAll()).doesNotContain(key);
  }

  @Test
  void item5_signupsAreCountedPerClientWhateverKeyIsSent() {
    int refused = 0;
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response =
          Http.send(
              "POST",
              url("/api/v1/keys"),
              "{\"email\":\"u" + UUID.randomUUID() + "@example.cn\"}",
              "Content-Type",
              "application/json",
              "X-Forwarded-For",
              client,
              "X-API-Key",
              consumerKey()); // a fresh key each time must not buy a fresh window
      if (response.statusCode() == 429) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(1);
  }

  @Test
  void item5_signupsAreCountedPerEmailWhateverAddressIsUsed() {
    String email = "same." + UUID.randomUUID() + "@example.cn";
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last =
          Http.send(
              "POST",
              url("/api/v1/keys"),
              "{\"email\":\"" + (i % 2 == 0 ? email : email.toUpperCase()) + "\"}",
              "Content-Type",
              "application/json",
              "X-Forwarded-For",
              "203.0.113." + (10 + i)); // a new client address each time
    }
    assertProblem(last, 429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void item5_bootstrapAdminKeyCannotBeRevoked() {
    HttpResponse<String> refused =
        Http.send(
            "DELETE", url("/api/v1/admin/keys/key_bootstrap_admin"), null, "X-API-Key", ADMIN_KEY);
    assertProblem(refused, 409);
    assertThat(adminGet("/api/v1/admin/keys/key_bootstrap_admin").statusCode()).isEqualTo(200);
    assertThat(
            JsonPath.<Boolean>read(
                adminGet("/api/v1/admin/keys/key_bootstrap_admin").body(), "$.revoked"))
        .isFalse();
  }

  @Test
  void item12_secretsAreNotCachedNothingIsSniffedAndDocsCannotBeFramed() {
    HttpResponse<String> created =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"n\",\"owner\":\"o@example.cn\",\"roles\":[\"consumer\"]}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
    HttpResponse<String> signup =
        Http.send(
            "POST",
            url("/api/v1/keys"),
            "{\"email\":\"s" + UUID.randomUUID() + "@example.cn\"}",
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client);
    assertThat(signup.statusCode()).isEqualTo(201);
    assertThat(signup.headers().firstValue("Cache-Control")).hasValue("no-store");

    for (HttpResponse<String> response :
        List.of(
            created,
            signup,
            Http.get(url("/api/v1/catalog/datasets")),
            Http.get(url("/no/such/path")),
            Http.get(url("/api/v1/admin/keys")),
            Http.get(url("/actuator/health")))) {
      assertThat(response.headers().allValues("X-Content-Type-Options"))
          .as(response.uri().toString())
          .containsExactly("nosniff");
    }
    HttpResponse<String> docs = Http.get(url("/docs/"));
    assertThat(docs.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'"));
    assertThat(docs.body()).doesNotContain("<script>");
    assertThat(Http.get(url("/docs/init.js")).body()).contains("SwaggerUIBundle");
  }

  @Test
  void item13_duplicateKeysAndBlankNamesInABodyAreA400() {
    HttpResponse<String> duplicate =
        Http.send(
            "POST",
            url("/api/v1/admin/keys"),
            "{\"name\":\"d\",\"owner\":\"o@example.cn\",\"roles\":[\"consumer\"],"
                + "\"roles\":[\"admin\"]}",
            "Content-Type",
            "application/json",
            "X-API-Key",
            ADMIN_KEY);
    assertProblem(duplicate, 400);
    assertThat(JsonPath.<String>read(duplicate.body(), "$.detail")).contains("roles");
    for (String blank : List.of("   ", "\u3000\u3000")) {
      HttpResponse<String> response =
          Http.send(
              "POST",
              url("/api/v1/admin/keys"),
              "{\"name\":\"" + blank + "\",\"owner\":\"o@example.cn\",\"roles\":[\"consumer\"]}",
              "Content-Type",
              "application/json",
              "X-API-Key",
              ADMIN_KEY);
      assertProblem(response, 400);
      assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("name");
    }
  }

  // ---------------------------------------------------------------- issue 7 item 6

  @Test
  void adminKeyListGetAndRevokeNeedAKeyWithTheAdminRole() {
    String consumer = consumerKey();
    for (String method : List.of("GET list", "GET one", "DELETE one")) {
      String path =
          method.endsWith("list") ? "/api/v1/admin/keys" : "/api/v1/admin/keys/key_bootstrap_admin";
      String verb = method.substring(0, method.indexOf(' '));
      assertProblem(Http.send(verb, url(path), null), 401);
      HttpResponse<String> forbidden = Http.send(verb, url(path), null, "X-API-Key", consumer);
      assertProblem(forbidden, 403);
      assertThat(JsonPath.<String>read(forbidden.body(), "$.type")).endsWith("/forbidden");
    }
  }

  @Test
  void aKeysOwnLimitsAreEnforced() {
    String limited =
        createKey(
            "{\"name\":\"l\",\"owner\":\"l@example.cn\",\"roles\":[\"publisher\"],"
                + "\"limits\":{\"read\":2}}");
    HttpResponse<String> first = Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", limited);
    assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
    assertThat(Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", limited).statusCode())
        .isEqualTo(200);
    assertProblem(Http.get(url("/api/v1/catalog/datasets"), "X-API-Key", limited), 429);
    // the role's own budget for other groups is untouched
    assertThat(
            Http.get(url("/api/v1/search/documents"), "X-API-Key", limited)
                .headers()
                .firstValue("X-RateLimit-Limit"))
        .hasValue("600");
  }

  @Test
  void trustedProxyForwardedForSeparatesClients() {
    for (int i = 0; i < 3; i++) {
      Http.get(url("/api/v1/catalog/x?format=csv"), "X-Forwarded-For", client);
    }
    assertThat(
            Http.get(url("/api/v1/catalog/x?format=csv"), "X-Forwarded-For", client).statusCode())
        .isEqualTo(429);
    assertThat(
            Http.get(url("/api/v1/catalog/x?format=csv"), "X-Forwarded-For", "192.0.2.77")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void archiveAndBulkRoutesHaveTheirOwnBodyLimits() {
    String body100k = "x".repeat(100 * 1024);
    assertProblem(Http.send("POST", url("/api/v1/catalog/policies"), body100k), 413);
    HttpResponse<String> bulk =
        Http.send("POST", url("/api/v1/catalog/fiscal/items/bulk"), body100k);
    assertThat(bulk.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(bulk.body(), "$.bodyBytes")).isEqualTo(100 * 1024);
    assertProblem(
        Http.send("POST", url("/api/v1/catalog/fiscal/items/bulk"), "x".repeat(130 * 1024)), 413);
    HttpResponse<String> archive =
        Http.send("POST", url("/api/v1/archive/records"), "x".repeat(200 * 1024));
    assertThat(archive.statusCode()).isEqualTo(200);
    assertProblem(Http.send("POST", url("/api/v1/archive/records"), "x".repeat(300 * 1024)), 413);
  }

  @Test
  void chunkedBodiesAreCountedWhileStreaming() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> tooLarge =
        client.send(
            chunked("/api/v1/catalog/policies", 100 * 1024), HttpResponse.BodyHandlers.ofString());
    assertProblem(tooLarge, 413);
    HttpResponse<String> fine =
        client.send(
            chunked("/api/v1/catalog/policies", 10 * 1024), HttpResponse.BodyHandlers.ofString());
    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(fine.body(), "$.bodyBytes")).isEqualTo(10 * 1024);
  }

  private HttpRequest chunked(String path, int size) {
    byte[] body = "y".repeat(size).getBytes();
    return HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(30))
        .POST(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))) // unknown length: chunked
        .build();
  }
}
