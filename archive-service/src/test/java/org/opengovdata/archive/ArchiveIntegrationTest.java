package org.opengovdata.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the archive's feature integration tests: one running service (one Spring context shared
 * by every subclass) on the real test database and a real OCFL storage root in a temporary
 * directory. Tests never depend on each other's data: each uses its own titles and numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ArchiveIntegrationTest {

  protected static final Path STORAGE = temporaryDirectory();
  protected static final Path OCFL_ROOT = STORAGE.resolve("ocfl");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    // the capture has its own test (own stream, own catalog stand-in): PolicyCaptureIntegrationTest
    registry.add("opendata.archive.capture.enabled", () -> "false");
    TestTokens.registerSecret(registry);
    registry.add("opendata.archive.ocfl.root", OCFL_ROOT::toString);
    registry.add("opendata.archive.fixity.cron", () -> "-"); // tests start audits themselves
  }

  @LocalServerPort int port;

  protected ArchiveApi api;

  @BeforeEach
  void client() {
    api = new ArchiveApi(port);
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("archive-features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
