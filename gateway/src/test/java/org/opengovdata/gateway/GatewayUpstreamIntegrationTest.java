package org.opengovdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;

/**
 * The gateway and what is behind it or in front of it taking its time: an upstream that does not
 * answer (504), a download that streams longer than the route's time limit (not cut), a refused
 * connection (GETs retried, writes not), and slow clients (connections closed).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "CATALOG_RESPONSE_TIMEOUT_MS=1000",
      // were the circuit breaker's whole-call time limit still on, it would cut the slow download
      "resilience4j.timelimiter.configs.default.timeout-duration=1s",
      "opendata.gateway.connections.request-head-timeout=1s",
      "opendata.gateway.connections.body-read-timeout=1s",
      "opendata.gateway.connections.body-rate-grace=1s",
      "opendata.gateway.connections.min-body-rate=100B"
    })
@Import(GatewayUpstreamIntegrationTest.RetryProbe.class)
class GatewayUpstreamIntegrationTest {

  static final StubService CATALOG = StubService.on(StubService.freePort());
  static final int DEAD_SEARCH_PORT = StubService.freePort();

  /** The retry filter's highest iteration per request tag, as the route left it. */
  static final Map<String, Integer> RETRY_ITERATIONS = new ConcurrentHashMap<>();

  @TestConfiguration
  static class RetryProbe {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter retryProbe() {
      return (exchange, chain) ->
          chain
              .filter(exchange)
              .doFinally(
                  signal -> {
                    Integer iteration = exchange.getAttribute("retry_iteration");
                    String tag = exchange.getRequest().getHeaders().getFirst("X-Test-Tag");
                    if (tag != null) {
                      // no attribute: the retry filter never considered a retry
                      RETRY_ITERATIONS.merge(tag, iteration == null ? 0 : iteration, Math::max);
                    }
                  });
    }
  }

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("CATALOG_URL", () -> "http://127.0.0.1:" + CATALOG.port());
    registry.add("SEARCH_URL", () -> "http://127.0.0.1:" + DEAD_SEARCH_PORT);
    registry.add("ARCHIVE_URL", () -> "http://127.0.0.1:" + CATALOG.port());
  }

  @AfterAll
  static void stopStub() {
    CATALOG.close();
  }

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void upstreamThatDoesNotAnswerInTimeIs504Problem() {
    HttpResponse<String> response = Http.get(url("/api/v1/catalog/slow-headers"));
    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/gateway-timeout");
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("catalog");
  }

  @Test
  void downloadStreamingLongerThanTheRouteTimeLimitIsNotCut() {
    HttpResponse<String> response = Http.get(url("/api/v1/catalog/export/slow-body"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().lines()).hasSize(5).last().isEqualTo("row,4");
  }

  @Test
  void getIsRetriedOnConnectionRefusedButWritesAreNot() {
    HttpResponse<String> read =
        Http.get(url("/api/v1/search/documents"), "X-Test-Tag", "retry-get");
    assertThat(read.statusCode()).isEqualTo(503);
    // recorded when the exchange completes, just after the client has its answer
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(RETRY_ITERATIONS).containsEntry("retry-get", 2));

    HttpResponse<String> write =
        Http.send(
            "POST",
            url("/api/v1/search/documents"),
            "{}",
            "X-Test-Tag",
            "retry-post",
            "Content-Type",
            "application/json");
    assertThat(write.statusCode()).isEqualTo(503);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(RETRY_ITERATIONS).containsEntry("retry-post", 0));
  }

  /** Issue 8 item 10: a client sending its request head slowly is disconnected. */
  @Test
  void item10_slowRequestHeadIsClosed() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes());
      out.flush();
      assertThat(readToEnd(socket.getInputStream())).as("closed by the gateway").isTrue();
    }
  }

  /** Issue 8 item 10: a request body that stops arriving is not waited for. */
  @Test
  void item10_stalledRequestBodyIsClosed() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n{\"email\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readToEnd(socket.getInputStream())).as("closed by the gateway").isTrue();
    }
  }

  /**
   * Issue 8 item 10: a body trickling in (a byte every 200 ms — never a pause long enough for the
   * read time-out) is cut once its average rate stays under the floor past the grace period, long
   * before the whole body has been sent.
   */
  @Test
  void item10_tricklingRequestBodyIsClosed() throws Exception {
    int length = 200;
    AtomicInteger sent = new AtomicInteger();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread trickle =
          new Thread(
              () -> {
                try {
                  while (sent.get() < length) {
                    out.write(' ');
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(200);
                  }
                } catch (IOException | InterruptedException closed) {
                  // the gateway closed the connection: what this test waits for
                }
              });
      trickle.start();
      assertThat(readToEnd(socket.getInputStream())).as("closed by the gateway").isTrue();
      trickle.interrupt();
      trickle.join();
    }
    assertThat(sent.get()).as("body bytes sent before the gateway cut").isLessThan(length);
  }

  /** Issue 8 item 2: Netty's own refusals of an oversized request head are problem+json too. */
  @Test
  void item2_oversizedRequestLineAndHeadersAreProblemJson() throws IOException {
    String longLine =
        "GET /api/v1/catalog/datasets?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    String bigHeaders =
        "GET /api/v1/catalog/datasets HTTP/1.1\r\nHost: x\r\nX-Big: "
            + "b".repeat(20_000)
            + "\r\n\r\n";
    for (var request : Map.of(414, longLine, 431, bigHeaders).entrySet()) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(request.getValue().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String response =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(response).startsWith("HTTP/1.1 " + request.getKey());
        assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(response).contains("\"status\":" + request.getKey());
        assertThat(response).doesNotContain("aaaaaaaa").doesNotContain("bbbbbbbb");
      }
    }
  }

  @Test
  void keepAliveStillServesSeveralRequests() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 2; i++) {
        out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
        out.flush();
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(head).isEqualTo("HTTP/1.1 200");
        drainResponse(in);
      }
    }
  }

  /** True when the server closed the connection (EOF or reset) before the socket time-out. */
  private static boolean readToEnd(InputStream in) throws IOException {
    try {
      while (in.read() >= 0) {
        // a 4xx answer before closing is fine too
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static void drainResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.read());
    }
    String lower = head.toString().toLowerCase();
    int at = lower.indexOf("content-length:");
    int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
    in.readNBytes(length);
  }
}
