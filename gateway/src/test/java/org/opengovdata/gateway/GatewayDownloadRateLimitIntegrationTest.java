package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What revalidating and downloading whole datasets costs, with real Redis behind the limits: a 304
 * nothing, a small dataset file an ordinary read, a large one a bulk slot. Each test is a client of
 * its own (a fresh address vouched for by the trusted proxy, loopback).
 */
@DirtiesContext // its rate limiter must not share counters with the next class's
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // windows of a day: a test never straddles two (the counts would start again)
      "opendata.gateway.rate-limits.windows.read=1d",
      "opendata.gateway.rate-limits.windows.bulk=1d",
      "opendata.gateway.rate-limits.anonymous.read=5",
      "opendata.gateway.rate-limits.anonymous.bulk=3",
      "opendata.gateway.rate-limits.small-download=64KB",
      "opendata.gateway.rate-limits.trusted-proxies=127.0.0.1"
    })
class GatewayDownloadRateLimitIntegrationTest {

  static final String ADMIN_KEY = "odk_download_" + UUID.randomUUID().toString().replace("-", "");
  static final byte[] SMALL = csv(1_000);
  static final byte[] LARGE = csv(200_000);
  static final AtomicInteger LARGE_CALLS = new AtomicInteger();
  static final HttpServer CATALOG = catalog();

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

  private final String client = "203.0.113." + (1 + (int) (Math.random() * 250));

  private HttpResponse<String> get(String path, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "X-Forwarded-For";
    all[1] = client;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return Http.get("http://localhost:" + port + path, all);
  }

  @Test
  void notModifiedAnswersDoNotCountAgainstTheLimit() {
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> revalidated =
          get("/api/v1/catalog/fiscal/items", "If-None-Match", "\"v1\"");
      assertThat(revalidated.statusCode()).isEqualTo(304);
      assertThat(revalidated.headers().firstValue("X-RateLimit-Remaining")).hasValue("5");
      assertThat(
              get("/api/v1/catalog/datasets/small/download", "If-None-Match", "\"s1\"")
                  .statusCode())
          .isEqualTo(304);
    }
    // the whole read budget is still there: five answers, then the limit
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> read = get("/api/v1/catalog/fiscal/items");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.headers().firstValue("X-RateLimit-Remaining"))
          .hasValue(Integer.toString(4 - i));
    }
    assertThat(get("/api/v1/catalog/fiscal/items").statusCode()).isEqualTo(429);
  }

  @Test
  void aSmallDatasetDownloadCostsAReadNotABulkSlot() {
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> download = get("/api/v1/catalog/datasets/small/download");
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(SMALL.length);
      assertThat(download.headers().firstValue("RateLimit-Policy"))
          .hasValueSatisfying(p -> assertThat(p).startsWith("\"read\""));
    }
    // every bulk slot is still free
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/v1/catalog/fiscal/items?format=csv").statusCode()).isEqualTo(200);
    }
    assertThat(get("/api/v1/catalog/fiscal/items?format=csv").statusCode()).isEqualTo(429);
  }

  @Test
  void aLargeDatasetDownloadCostsABulkSlot() {
    int before = LARGE_CALLS.get();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> download = get("/api/v1/catalog/datasets/large/download");
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).hasSize(new String(LARGE, StandardCharsets.UTF_8).length());
      assertThat(download.headers().firstValue("RateLimit-Policy"))
          .hasValueSatisfying(p -> assertThat(p).startsWith("\"bulk\""));
    }
    HttpResponse<String> refused = get("/api/v1/catalog/datasets/large/download");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(LARGE_CALLS.get() - before).as("refused before reaching the catalog").isEqualTo(3);
    assertThat(get("/api/v1/catalog/fiscal/items?format=csv").statusCode()).isEqualTo(429);
  }

  private static byte[] csv(int bytes) {
    StringBuilder csv = new StringBuilder("\uFEFFyear,regionCode,amount\r\n");
    while (csv.length() < bytes) {
      csv.append("2024,150600,1.00\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Downloads with a Content-Length and an ETag, as the real catalog serves them. */
  private static HttpServer catalog() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", GatewayDownloadRateLimitIntegrationTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String etag = path.endsWith("/small/download") ? "\"s1\"" : "\"v1\"";
    exchange.getResponseHeaders().add("ETag", etag);
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    boolean csv =
        path.endsWith("/download") || "format=csv".equals(exchange.getRequestURI().getRawQuery());
    byte[] body =
        path.endsWith("/large/download")
            ? LARGE
            : csv ? SMALL : "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
    if (path.endsWith("/large/download")) {
      LARGE_CALLS.incrementAndGet();
    }
    exchange
        .getResponseHeaders()
        .add("Content-Type", csv ? "text/csv;charset=UTF-8" : "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    exchange.close();
  }
}
