package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an open-data consumer's browser and download tool see at the front door, with real Redis
 * behind the rate limits: public reads open to any origin, writes and keys only to the portals, and
 * gzip negotiated on the data the services stream.
 */
@DirtiesContext // its rate limiter must not share counters with the next class's
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "opendata.gateway.cors.allowed-origins=https://portal.nmg.gov.cn")
class GatewayOpenDataIntegrationTest {

  static final String ADMIN_KEY = "odk_test_bootstrap_admin_key_0123456789abcdef";
  static final String ANY_ORIGIN = "https://observablehq.com";
  static final String PORTAL = "https://portal.nmg.gov.cn";
  static final String CSV = csv();
  static final HttpServer CATALOG = catalog();

  private static final HttpClient RAW =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("ADMIN_API_KEY", () -> ADMIN_KEY);
    String upstream = "http://127.0.0.1:" + CATALOG.getAddress().getPort();
    registry.add("CATALOG_URL", () -> upstream);
    registry.add("SEARCH_URL", () -> upstream);
    registry.add("ARCHIVE_URL", () -> upstream);
  }

  @AfterAll
  static void stopCatalog() {
    CATALOG.stop(0);
  }

  @LocalServerPort int port;
  @Autowired ReactiveStringRedisTemplate redis;

  @BeforeEach
  void forgetAnonymousCounters() {
    redis.keys("gateway:rl:*:ip:*").flatMap(redis::delete).blockLast(Duration.ofSeconds(5));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void anyOriginReadsPublicDataWithoutCredentials() {
    HttpResponse<String> response =
        Http.get(url("/api/v1/catalog/fiscal/items?format=csv"), "Origin", ANY_ORIGIN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("X-Total-Count", "ETag", "Link", "RateLimit", "RateLimit-Policy");
    assertThat(response.headers().firstValue("X-Total-Count")).hasValue("5000");
  }

  @Test
  void preflightOfAReadIsOpenToAnyOrigin() {
    HttpResponse<String> preflight =
        Http.send(
            "OPTIONS",
            url("/api/v1/catalog/datasets"),
            null,
            "Origin",
            ANY_ORIGIN,
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "X-API-Key, If-None-Match");

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("GET");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("X-API-Key");
  }

  @Test
  void rawSpecsAreOpenToAnyOrigin() {
    HttpResponse<String> spec = Http.get(url("/openapi/catalog.yaml"), "Origin", ANY_ORIGIN);

    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(spec.headers().firstValue("Content-Type")).hasValue("application/yaml");
  }

  @Test
  void writesStayWithThePortals() {
    HttpResponse<String> foreign =
        Http.send(
            "OPTIONS",
            url("/api/v1/catalog/policies"),
            null,
            "Origin",
            ANY_ORIGIN,
            "Access-Control-Request-Method",
            "POST");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> portal =
        Http.send(
            "OPTIONS",
            url("/api/v1/catalog/policies"),
            null,
            "Origin",
            PORTAL,
            "Access-Control-Request-Method",
            "POST");
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
  }

  @Test
  void keyEndpointsStayWithThePortalsEvenForReads() {
    HttpResponse<String> foreign =
        Http.get(url("/api/v1/admin/keys"), "Origin", ANY_ORIGIN, "X-API-Key", ADMIN_KEY);
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> portal =
        Http.get(url("/api/v1/admin/keys"), "Origin", PORTAL, "X-API-Key", ADMIN_KEY);
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
  }

  @Test
  void csvIsGzippedThroughTheGatewayWhenAsked() throws IOException {
    HttpResponse<byte[]> gzipped =
        raw("/api/v1/catalog/fiscal/items?format=csv", "Accept-Encoding", "gzip");

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.body().length).isLessThan(CSV.length() / 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
    }

    HttpResponse<byte[]> plain = raw("/api/v1/catalog/fiscal/items?format=csv");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(CSV);
  }

  @Test
  void jsonIsGzippedThroughTheGatewayWhenAsked() {
    HttpResponse<byte[]> gzipped =
        raw("/api/v1/catalog/fiscal/items", "Accept-Encoding", "gzip, deflate, br");

    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  private HttpResponse<byte[]> raw(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csv() {
    StringBuilder csv = new StringBuilder("\uFEFFyear,regionCode,amount\r\n");
    for (int i = 0; i < 5000; i++) {
      csv.append("2024,150600,").append(i).append(".00\r\n");
    }
    return csv.toString();
  }

  /** A catalog that streams (chunked, no Content-Length) like the real one does. */
  private static HttpServer catalog() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", GatewayOpenDataIntegrationTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    boolean csv = "format=csv".equals(exchange.getRequestURI().getRawQuery());
    byte[] body =
        (csv ? CSV : "{\"data\":[" + "{\"amount\":\"1.00\"},".repeat(200) + "{}]}")
            .getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", csv ? "text/csv;charset=UTF-8" : "application/json");
    exchange.getResponseHeaders().add("X-Total-Count", "5000");
    exchange.getResponseHeaders().add("ETag", "\"v1\"");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    exchange.close();
  }
}
