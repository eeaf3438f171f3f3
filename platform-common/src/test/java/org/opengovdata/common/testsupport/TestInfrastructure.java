package org.opengovdata.common.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one way tests get real PostgreSQL, Redis and Elasticsearch.
 *
 * <p>When {@code DB_URL} / {@code REDIS_URL} / {@code ES_URL} are set (CI here, and {@code
 * scripts/test.sh}), those servers are used and checked once; otherwise Testcontainers starts them
 * (a laptop with Docker). A server that cannot be reached fails the test with a message saying what
 * to do — never a silent skip. Containers are started once per test JVM and shared.
 */
public final class TestInfrastructure {

  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
  private static final String HOW_TO =
      "Run the tests with scripts/test.sh (it starts PostgreSQL, Redis and Elasticsearch on this"
          + " machine), or set DB_URL/REDIS_URL/ES_URL, or unset them on a machine with Docker.";

  private static Postgres postgres;
  private static String redisUrl;
  private static String elasticsearchUrl;

  private TestInfrastructure() {}

  /** JDBC coordinates of the test database. */
  public record Postgres(String url, String user, String password) {}

  public static synchronized Postgres postgres() {
    if (postgres == null) {
      String url = System.getenv("DB_URL");
      if (url != null && !url.isBlank()) {
        postgres = new Postgres(url, env("DB_USER", "opendata"), env("DB_PASSWORD", "opendata"));
      } else {
        requireDocker("DB_URL");
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        postgres =
            new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
      }
      checkPostgres(postgres);
    }
    return postgres;
  }

  public static synchronized String redisUrl() {
    if (redisUrl == null) {
      String url = System.getenv("REDIS_URL");
      if (url == null || url.isBlank()) {
        requireDocker("REDIS_URL");
        GenericContainer<?> container =
            new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        url = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
      }
      checkRedis(url);
      redisUrl = url;
    }
    return redisUrl;
  }

  public static synchronized String elasticsearchUrl() {
    if (elasticsearchUrl == null) {
      String url = System.getenv("ES_URL");
      if (url == null || url.isBlank()) {
        requireDocker("ES_URL");
        ElasticsearchContainer container =
            new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.2")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        container.start();
        url = "http://" + container.getHttpHostAddress();
      }
      checkElasticsearch(url);
      elasticsearchUrl = url;
    }
    return elasticsearchUrl;
  }

  /** Points Spring's datasource (and Flyway, which uses it) at the test database. */
  public static void registerPostgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres().url());
    registry.add("spring.datasource.username", () -> postgres().user());
    registry.add("spring.datasource.password", () -> postgres().password());
  }

  public static void registerRedis(DynamicPropertyRegistry registry) {
    registry.add("opendata.redis.url", TestInfrastructure::redisUrl);
  }

  public static void registerElasticsearch(DynamicPropertyRegistry registry) {
    registry.add("opendata.elasticsearch.url", TestInfrastructure::elasticsearchUrl);
  }

  private static void checkPostgres(Postgres pg) {
    DriverManager.setLoginTimeout((int) CHECK_TIMEOUT.toSeconds());
    try (Connection connection = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
      connection.createStatement().execute("select 1");
    } catch (SQLException e) {
      throw unreachable("PostgreSQL", pg.url(), e);
    }
  }

  /** A raw RESP PING, so that modules on any Redis client (Jedis, Lettuce) can use this. */
  private static void checkRedis(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : 6379;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) CHECK_TIMEOUT.toMillis());
      socket.setSoTimeout((int) CHECK_TIMEOUT.toMillis());
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] reply = socket.getInputStream().readNBytes(7);
      if (!"+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII))) {
        throw new IOException(
            "unexpected reply to PING: " + new String(reply, StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw unreachable("Redis", url, e);
    }
  }

  private static void checkElasticsearch(String url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=30s"))
            .timeout(Duration.ofSeconds(35))
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Elasticsearch at %s answered %d: %s. %s"
                .formatted(url, response.statusCode(), response.body(), HOW_TO));
      }
    } catch (IOException e) {
      throw unreachable("Elasticsearch", url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("Elasticsearch", url, e);
    }
  }

  private static void requireDocker(String variable) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          variable + " is not set and no Docker engine is available for Testcontainers. " + HOW_TO);
    }
  }

  private static IllegalStateException unreachable(String what, String where, Exception cause) {
    return new IllegalStateException(
        "%s is not reachable at %s (%s). %s".formatted(what, where, cause.getMessage(), HOW_TO),
        cause);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
