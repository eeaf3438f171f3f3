package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.AbstractServiceIT;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The archive on its real infrastructure: what every service promises ({@link AbstractServiceIT}),
 * its migrated schema and the OCFL storage root.
 */
class ArchiveInfrastructureIntegrationTest extends AbstractServiceIT {

  static final Path OCFL_ROOT = temporaryDirectory();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    registry.add("opendata.archive.capture.enabled", () -> "false"); // PolicyCaptureIntegrationTest
    registry.add("opendata.archive.ocfl.root", () -> OCFL_ROOT.resolve("ocfl").toString());
  }

  @Override
  protected String service() {
    return "archive";
  }

  @Override
  protected List<String> dependencies() {
    return List.of("db", "ocfl", "redis");
  }

  @Autowired JdbcClient jdbc;
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

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("archive-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
