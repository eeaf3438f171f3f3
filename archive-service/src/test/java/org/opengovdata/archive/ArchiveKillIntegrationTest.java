package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.core.storage.common.OcflObjectRootDirIterator;
import io.ocfl.core.storage.filesystem.FileSystemStorage;
import io.ocfl.core.validation.Validator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.storage.ObjectValidator;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Done-when of item 1/crash safety: the service, started as its own process, is killed with SIGKILL
 * while 50 version uploads are in flight; started again on the same storage root and database, it
 * leaves no half version — every object root validates (ocfl-java's validator, content digests
 * included), no version directory lies beyond an object's inventory head, every record's index head
 * is its OCFL head, every acknowledged upload is there, and every record takes a new version.
 */
class ArchiveKillIntegrationTest {

  private static final int UPLOADS = 50;

  /**
   * The service processes get a schema of their own: no other archive instance of this test JVM
   * (with another storage root) may take their dead intents for its own.
   */
  private static final String SCHEMA = "archive_kill";

  private static final int UPLOAD_BYTES = 768 * 1024;

  @Test
  void killingTheServiceDuringFiftyUploadsLeavesNoHalfVersions() throws Exception {
    Path storage = Files.createTempDirectory("archive-kill");
    Path root = storage.resolve("ocfl");
    int port = freePort();
    ArchiveApi api = new ArchiveApi(port);

    Process first = start(storage, root, port, "first");
    List<String> ids = new ArrayList<>();
    Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    try {
      awaitReady(api, first, storage.resolve("first.log"));
      for (int i = 0; i < UPLOADS; i++) {
        ids.add(
            api.archive(
                ArchiveApi.metadata(
                    "强杀 " + i + " " + UUID.randomUUID(), null, "2020-01-01", "Y10", "PUBLIC"),
                "v1.bin",
                "application/octet-stream",
                random(1024)));
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
      for (String id : ids) {
        ArchiveApi.Multipart body =
            new ArchiveApi.Multipart()
                .file("file", "v2.bin", "application/octet-stream", random(UPLOAD_BYTES))
                .field("changeNote", "并发上传", null);
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(api.url("/records/" + id + "/versions")))
                .header("Content-Type", body.contentType())
                .header("Authorization", ArchiveApi.archivist())
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        uploads.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (response, error) -> {
                      if (response != null && response.statusCode() == 201) {
                        acknowledged.put(id, true);
                      }
                    }));
      }
      // SIGKILL as soon as a write is between its intent and its index commit, while the other
      // uploads are on their way: no shutdown hook, no graceful anything
      // (after two minutes without either, it is killed all the same)
      try (Connection poll = connection()) {
        await()
            .pollInSameThread()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .atMost(Duration.ofMinutes(2))
            .until(() -> intentsLeft(poll, ids) > 0 || acknowledged.size() >= UPLOADS / 2);
      } catch (ConditionTimeoutException e) {
        // kill anyway: whatever is in flight now is what the restart must sort out
      }
      first.destroyForcibly();
      first.waitFor(1, TimeUnit.MINUTES);
      for (CompletableFuture<HttpResponse<String>> upload : uploads) {
        upload.handle((r, e) -> r).get(2, TimeUnit.MINUTES);
      }
    } finally {
      first.destroyForcibly();
    }
    Set<String> acked = Set.copyOf(acknowledged.keySet());
    long interrupted = intentsLeft(ids);
    System.out.printf(
        "kill test: %d of %d uploads acknowledged before SIGKILL, %d writes left mid-way%n",
        acked.size(), UPLOADS, interrupted);
    assertThat(acked.size()).as("the kill came while uploads were in flight").isLessThan(UPLOADS);

    Process second = start(storage, root, port, "second");
    try {
      awaitReady(api, second, storage.resolve("second.log"));
      // the start-up recovery ran before the web server answered: the root is consistent now
      assertEveryObjectValidates(root);
      Map<String, Integer> indexHeads = indexHeads(ids);
      for (String id : ids) {
        Path objectRoot = objectRoot(root, id);
        int ocflHead = ocflHead(objectRoot);
        assertThat(indexHeads.get(id)).as("index head of %s", id).isEqualTo(ocflHead);
        assertThat(ocflHead).as(id).isBetween(1, 2);
        assertThat(objectRoot.resolve("v" + (ocflHead + 1))).as(id).doesNotExist();
        if (acked.contains(id)) {
          assertThat(ocflHead).as("acknowledged upload to %s", id).isEqualTo(2);
        }
      }
      assertThat(intentsLeft(ids)).isZero();
      for (String id : ids) {
        HttpResponse<String> next = api.addVersion(id, "v-next.txt", "再一版".getBytes(), "重启之后");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(JsonPath.<Integer>read(next.body(), "$.version"))
            .isEqualTo(indexHeads.get(id) + 1);
      }
      assertEveryObjectValidates(root);
    } finally {
      second.destroy();
      if (!second.waitFor(30, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  private static Process start(Path storage, Path root, int port, String name) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            classpath,
            ArchiveApplication.class.getName(),
            "--server.port=" + port,
            "--spring.datasource.url=" + pg.url(),
            "--spring.datasource.username=" + pg.user(),
            "--spring.datasource.password=" + pg.password(),
            "--spring.datasource.hikari.schema=" + SCHEMA,
            "--spring.flyway.schemas=" + SCHEMA,
            "--spring.flyway.default-schema=" + SCHEMA,
            "--opendata.redis.url=" + TestInfrastructure.redisUrl(),
            "--opendata.security.jwt.secret=" + TestTokens.SECRET,
            "--opendata.archive.ocfl.root=" + root,
            "--opendata.archive.fixity.cron=-",
            "--opendata.archive.capture.enabled=false");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(storage.resolve(name + ".log").toFile())
        .start();
  }

  private static void awaitReady(ArchiveApi api, Process process, Path log) throws Exception {
    await("service ready; log " + log)
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .failFast("service died; log " + log, () -> !process.isAlive())
        .until(
            () -> {
              try {
                return api.get("/info").statusCode() == 200;
              } catch (RuntimeException e) {
                return false; // not listening yet
              }
            });
  }

  private static void assertEveryObjectValidates(Path root) {
    ObjectValidator.registerDigestProviders();
    FileSystemStorage storage = new FileSystemStorage(root);
    Validator validator = new Validator(storage);
    int objects = 0;
    try (OcflObjectRootDirIterator roots = storage.iterateObjects()) {
      while (roots.hasNext()) {
        String objectRoot = roots.next();
        ValidationResults results = validator.validateObject(objectRoot, true);
        assertThat(results.getErrors()).as(objectRoot).isEmpty();
        objects++;
      }
    }
    assertThat(objects).isEqualTo(UPLOADS);
  }

  private static Path objectRoot(Path root, String id) throws IOException {
    return ArchiveApi.storedContent(root, id, 1, "x")
        .getParent()
        .getParent()
        .getParent()
        .getParent();
  }

  private static int ocflHead(Path objectRoot) throws IOException {
    String head =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(objectRoot.resolve("inventory.json")))
            .get("head")
            .asString();
    return Integer.parseInt(head.substring(1));
  }

  private static Map<String, Integer> indexHeads(List<String> ids) throws Exception {
    Map<String, Integer> heads = new HashMap<>();
    try (Connection c = connection();
        PreparedStatement query =
            c.prepareStatement("select head_version from " + SCHEMA + ".record where id = ?")) {
      for (String id : ids) {
        query.setObject(1, UUID.fromString(id));
        try (ResultSet rs = query.executeQuery()) {
          assertThat(rs.next()).as("index row of %s", id).isTrue();
          heads.put(id, rs.getInt(1));
        }
      }
    }
    return heads;
  }

  private static long intentsLeft(List<String> ids) throws Exception {
    try (Connection c = connection()) {
      return intentsLeft(c, ids);
    }
  }

  private static long intentsLeft(Connection c, List<String> ids) throws Exception {
    try (PreparedStatement query =
        c.prepareStatement(
            "select count(*) from " + SCHEMA + ".write_intent where record_id = any(?::uuid[])")) {
      query.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection connection() throws Exception {
    TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
    return DriverManager.getConnection(pg.url(), pg.user(), pg.password());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
