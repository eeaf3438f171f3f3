package org.opengovdata.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/**
 * What every servlet service promises on its real infrastructure, written once: the service starts
 * on it, {@code /info} and readiness report each of its dependencies UP, Redis answers, an unknown
 * path is problem+json carrying the request id — and the {@link ServiceSecurityContract}. A
 * service's infrastructure test extends this, names the service and its dependencies, registers
 * what else it needs ({@code TestInfrastructure.registerPostgres}, …) and adds only its own checks:
 *
 * <pre>{@code
 * class CatalogInfrastructureIntegrationTest extends AbstractServiceIT {
 *   @DynamicPropertySource
 *   static void database(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.registerPostgres(registry);
 *   }
 *   protected String service() { return "catalog"; }
 *   protected List<String> dependencies() { return List.of("db", "redis"); }
 * }
 * }</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractServiceIT extends ServiceSecurityContract {

  /** Every service uses Redis and verifies the gateway's identity token. */
  @DynamicPropertySource
  static void platformInfrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
  }

  @LocalServerPort protected int port;

  @Autowired protected JedisPooled redis;

  @Autowired private ApplicationContext context;

  /** The health components of the readiness group besides {@code readinessState}, e.g. db. */
  protected abstract List<String> dependencies();

  @Override
  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** An absolute URL of this service for a path such as {@code /api/v1/catalog/info}. */
  protected String url(String path) {
    return baseUrl() + path;
  }

  @Test
  void infoReportsNameVersionAndEveryDependencyUp() {
    HttpResponse<String> response = Http.get(url("/api/v1/" + service() + "/info"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(JsonPath.<String>read(response.body(), "$.name")).isEqualTo(service() + "-service");
    assertThat(JsonPath.<String>read(response.body(), "$.version")).isNotBlank();
    assertThat(JsonPath.<List<String>>read(response.body(), "$.dependencies[*].name"))
        .containsExactlyInAnyOrderElementsOf(dependencies());
    for (String dependency : dependencies()) {
      assertThat(
              JsonPath.<List<String>>read(
                  response.body(), "$.dependencies[?(@.name=='" + dependency + "')].status"))
          .as(dependency)
          .containsExactly("UP");
    }
  }

  @Test
  void readinessIncludesEveryDependency() {
    HttpResponse<String> response = Http.get(url("/readyz"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
    for (String dependency : dependencies()) {
      assertThat(JsonPath.<String>read(response.body(), "$.components." + dependency + ".status"))
          .as(dependency)
          .isEqualTo("UP");
    }
  }

  /**
   * Until the start-up runners (demo data, recovery) have finished, and whenever the service
   * refuses traffic, readiness is a 503 — an orchestrator and scripts/up.sh must not send requests
   * to it. (A health mapping that names only DEGRADED once made every state a 200.)
   */
  @Test
  void readinessIs503WhileTheServiceRefusesTraffic() {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> refusing = Http.get(url("/readyz"));
      assertThat(refusing.statusCode()).isEqualTo(503);
      assertThat(JsonPath.<String>read(refusing.body(), "$.status")).isEqualTo("OUT_OF_SERVICE");
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(Http.get(url("/readyz")).statusCode()).isEqualTo(200);
  }

  /**
   * A caller that keeps its connection (the gateway's pool) is never made to open a new one:
   * Tomcat's default ended a connection after 100 requests, and the 101st paid a new connection
   * (opendata-defaults.yml). 150 requests, written one after the other on one socket, are all
   * answered on it, none with {@code Connection: close}.
   */
  @Test
  void aKeptAliveConnectionServesMoreThanAHundredRequests() throws IOException {
    int requests = 150;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
      byte[] request =
          ("GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 1; i <= requests; i++) {
        out.write(request);
        out.flush();
        Map<String, String> head = readResponseHead(in);
        assertThat(head.get(":status")).as("request %d", i).isEqualTo("200");
        assertThat(head.get("connection")).as("request %d", i).isNotEqualToIgnoringCase("close");
        assertThat(readBody(in, head)).as("request %d", i).contains("\"status\"");
      }
    }
  }

  /** The status (as {@code :status}) and the headers (lower-case names) of one response. */
  private static Map<String, String> readResponseHead(BufferedInputStream in) throws IOException {
    Map<String, String> head = new HashMap<>();
    String statusLine = readLine(in);
    assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
    head.put(":status", statusLine.substring(9, 12));
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      head.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return head;
  }

  /** The body after {@code head}: by its Content-Length, or chunk by chunk. */
  private static String readBody(BufferedInputStream in, Map<String, String> head)
      throws IOException {
    if (head.containsKey("content-length")) {
      return new String(
          in.readNBytes(Integer.parseInt(head.get("content-length"))), StandardCharsets.UTF_8);
    }
    assertThat(head.get("transfer-encoding")).isEqualToIgnoringCase("chunked");
    StringBuilder body = new StringBuilder();
    for (int size = Integer.parseInt(readLine(in).trim(), 16);
        size > 0;
        size = Integer.parseInt(readLine(in).trim(), 16)) {
      body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
      readLine(in);
    }
    readLine(in);
    return body.toString();
  }

  private static String readLine(BufferedInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the service closed the connection after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Test
  void redisRoundTrip() {
    String key = service() + ":test:" + UUID.randomUUID();
    redis.setex(key, 30, "一般公共预算");
    assertThat(redis.get(key)).isEqualTo("一般公共预算");
  }

  /** Not ignored: a misspelled filter would otherwise answer with every row. */
  @Test
  void unknownQueryParameterIs400ListingTheAcceptedOnes() {
    HttpResponse<String> response = Http.get(url("/api/v1/" + service() + "/info?verbose=true"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.type"))
        .endsWith("/problems/invalid-parameter");
    assertThat(JsonPath.<String>read(response.body(), "$.detail"))
        .isEqualTo("unknown query parameter 'verbose'; this operation takes no query parameters");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .containsExactly("verbose");
  }

  @Test
  void unknownPathIsProblemJsonWithRequestId() {
    String requestId = "it-" + service() + "-1";
    HttpResponse<String> response =
        Http.get(url("/api/v1/" + service() + "/no/such/path"), "X-Request-Id", requestId);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/problems/not-found");
    assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo(requestId);
  }
}
