package org.opengovdata.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
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
