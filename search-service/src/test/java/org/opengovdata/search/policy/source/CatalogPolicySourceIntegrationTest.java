package org.opengovdata.search.policy.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog source over real HTTP, against a JDK {@code HttpServer} serving catalog answers in
 * the shape of catalog.yaml ({@code src/test/resources/catalog/}): 200, 404, problem answers,
 * time-outs, a refused connection and the circuit breaker. The SDK, its Jackson 2 decoding and the
 * breaker are the production ones.
 */
class CatalogPolicySourceIntegrationTest {

  static final UUID PUBLISHED = UUID.fromString("0b5e2c1a-4f7d-4c39-9a51-6f1e8d2b7c01");
  static final UUID REPEALED = UUID.fromString("1c6f3d2b-5a8e-4d4a-8b62-7a2f9e3c8d12");
  static final UUID WITHDRAWN = UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

  static final String PROBLEM_404 =
      "{\"type\":\"https://opendata.nmg.gov.cn/problems/not-found\",\"title\":\"Not found\","
          + "\"status\":404,\"detail\":\"no published policy with this id\"}";

  /** What the stub answers for GET /api/v1/catalog/policies/{id}: status and body. */
  record Answer(int status, String body, Duration delay) {}

  private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private CatalogPolicySource source;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/catalog/policies", this::handle);
    server.start();
    answers.put(PUBLISHED, new Answer(200, resource("policy-published.json"), Duration.ZERO));
    answers.put(REPEALED, new Answer(200, resource("policy-repealed.json"), Duration.ZERO));
    source = source(stub(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private URI stub() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Generous time-outs except where a test is about them: the machine may be loaded. */
  private static CatalogPolicySource source(URI url, Duration readTimeout) {
    return CatalogPolicySource.create(
        new CatalogSourceProperties(
            true, url, Duration.ofSeconds(5), readTimeout, 50, 4, Duration.ofMinutes(5), 1));
  }

  @Test
  void aPublishedPolicyIsFetchedAndMapped() {
    Policy policy = source.fetch(PUBLISHED).orElseThrow();

    assertThat(policy.version()).isEqualTo(3);
    assertThat(policy.title()).isEqualTo("內蒙古自治區人民政府關於進一步優化營商環境的意見");
    assertThat(policy.documentNumber().canonical()).isEqualTo("内政发〔2024〕12号");
    assertThat(policy.attachments().get(0).extractedText()).contains("重点任务分工方案");
    assertThat(policy.interpretations().get(0).title()).contains("政策解读");
    assertThat(source.fetch(REPEALED).orElseThrow().replacedBy().id()).isEqualTo(PUBLISHED);
  }

  @Test
  void notFoundIsAnAnswerNotAFailure() {
    for (int i = 0; i < 10; i++) {
      assertThat(source.fetch(UUID.randomUUID())).isEmpty();
    }
    assertThat(source.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(requests).hasValue(10);
  }

  @Test
  void serviceUnavailableIsRetryLaterAndOpensTheBreaker() {
    UUID id = UUID.randomUUID();
    answers.put(
        id,
        new Answer(
            503,
            "{\"status\":503,\"title\":\"Service unavailable\",\"detail\":\"database down\"}",
            Duration.ZERO));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> source.fetch(id))
          .isInstanceOf(PolicySourceUnavailableException.class)
          .hasMessageContaining("answered 503");
    }
    assertThat(source.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

    // open: the catalog is not asked at all, even for a document it would serve
    int asked = requests.get();
    assertThatThrownBy(() -> source.fetch(PUBLISHED))
        .isInstanceOf(PolicySourceUnavailableException.class)
        .hasCauseInstanceOf(CallNotPermittedException.class)
        .hasMessageContaining("circuit breaker open");
    assertThat(requests).hasValue(asked);
  }

  @Test
  void aTimeOutIsRetryLater() {
    UUID slow = UUID.randomUUID();
    answers.put(slow, new Answer(200, resource("policy-published.json"), Duration.ofSeconds(30)));

    CatalogPolicySource impatient = source(stub(), Duration.ofMillis(200));

    assertThatThrownBy(() -> impatient.fetch(slow))
        .isInstanceOf(PolicySourceUnavailableException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void aRefusedConnectionIsRetryLater() throws IOException {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    CatalogPolicySource down =
        source(URI.create("http://127.0.0.1:" + unused), Duration.ofSeconds(5));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> down.fetch(PUBLISHED))
          .isInstanceOf(PolicySourceUnavailableException.class);
    }
    assertThat(down.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void anAnswerThatIsABugIsNotRetryLaterAndDoesNotOpenTheBreaker() {
    UUID bad = UUID.randomUUID();
    answers.put(bad, new Answer(400, "{\"status\":400,\"detail\":\"bad id\"}", Duration.ZERO));
    UUID garbled = UUID.randomUUID();
    answers.put(garbled, new Answer(200, "{\"id\": [", Duration.ZERO));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> source.fetch(bad))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("answered 400");
      assertThatThrownBy(() -> source.fetch(garbled))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not a policy");
    }
    assertThat(source.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void everyPublishedPolicyIsStreamedPageByPageSkippingOnesWithdrawnMeanwhile() {
    assertThat(source.countPublished()).isEqualTo(3);
    try (Stream<Policy> all = source.streamPublished()) {
      // WITHDRAWN is listed but answers 404 by the time it is fetched
      assertThat(all.map(Policy::id).toList()).containsExactly(PUBLISHED, REPEALED);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{}");
      } else if (path.equals("/api/v1/catalog/policies")) {
        boolean second = query != null && query.contains("cursor=cGFnZTI");
        send(exchange, 200, resource(second ? "policies-page-2.json" : "policies-page-1.json"));
      } else {
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        Answer answer = answers.getOrDefault(id, new Answer(404, PROBLEM_404, Duration.ZERO));
        if (!answer.delay().isZero()) {
          release.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        send(exchange, answer.status(), answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .put(
            "Content-Type",
            List.of(status >= 400 ? "application/problem+json" : "application/json"));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String resource(String name) {
    try (InputStream in =
        CatalogPolicySourceIntegrationTest.class.getResourceAsStream("/catalog/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
