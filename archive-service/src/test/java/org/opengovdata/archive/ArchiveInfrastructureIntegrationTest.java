package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.ServiceSecurityContract;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/** The archive on its real infrastructure: migrated schema, OCFL storage root, Redis, HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveInfrastructureIntegrationTest extends ServiceSecurityContract {

  static final Path OCFL_ROOT = temporaryDirectory();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    registry.add("opendata.archive.capture.enabled", () -> "false"); // PolicyCaptureIntegrationTest
    TestTokens.registerSecret(registry);
    registry.add("opendata.archive.ocfl.root", () -> OCFL_ROOT.resolve("ocfl").toString());
  }

  @LocalServerPort int port;

  @Override
  protected String service() {
    return "archive";
  }

  @Override
  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  @Autowired JdbcClient jdbc;
  @Autowired JedisPooled redis;
  @Autowired OcflRepository ocfl;

  @Test
  void flywayMigratedTheArchiveSchema() {
    List<String> tables =
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'archive'")
            .query(String.class)
            .list();
    assertThat(tables).contains("outbox_event", "flyway_schema_history");
  }

  @Test
  void ocflStorageRootKeepsVersions() throws IOException {
    String objectId = "test-" + UUID.randomUUID();
    Path staging = Files.createTempDirectory("ocfl-staging");
    Files.writeString(staging.resolve("content.txt"), "第一版", StandardCharsets.UTF_8);
    ocfl.putObject(ObjectVersionId.head(objectId), staging, new VersionInfo().setMessage("v1"));
    Files.writeString(staging.resolve("content.txt"), "第二版", StandardCharsets.UTF_8);
    ocfl.putObject(ObjectVersionId.head(objectId), staging, new VersionInfo().setMessage("v2"));

    assertThat(ocfl.describeObject(objectId).getVersionMap()).hasSize(2);
    Path v1 = Files.createTempDirectory("ocfl-out").resolve("v1");
    ocfl.getObject(ObjectVersionId.version(objectId, 1), v1);
    assertThat(Files.readString(v1.resolve("content.txt"), StandardCharsets.UTF_8))
        .isEqualTo("第一版");
    assertThat(Files.exists(OCFL_ROOT.resolve("ocfl").resolve("0=ocfl_1.1"))).isTrue();
  }

  @Test
  void redisRoundTrip() {
    String key = "archive:test:" + UUID.randomUUID();
    redis.setex(key, 30, "永久");
    assertThat(redis.get(key)).isEqualTo("永久");
  }

  @Test
  void infoReportsDatabaseOcflAndRedis() {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/v1/archive/info");
    assertThat(response.statusCode()).isEqualTo(200);
    for (String dependency : List.of("db", "ocfl", "redis")) {
      assertThat(
              JsonPath.<List<String>>read(
                  response.body(), "$.dependencies[?(@.name=='" + dependency + "')].status"))
          .as(dependency)
          .containsExactly("UP");
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("archive-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
