package org.opengovdata.archive.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Item 6 done-when: backup (full, then incremental) → wipe storage and database → restore from the
 * chain → every record, version, digest, hold and audit entry is identical; each bag is one tar per
 * target (serialized, tag files first), and a bag directory of an earlier version still verifies
 * and restores; a bag with one byte flipped inside a payload file fails verify, and so does the bag
 * of an object corrupted in storage before its backup. Own storage root and targets (its own
 * service context), since it wipes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupRestoreIntegrationTest {

  private static final Path STORAGE = temporaryDirectory();
  private static final Path OCFL_ROOT = STORAGE.resolve("ocfl");
  private static final Path TARGET_A = STORAGE.resolve("backup-a");
  private static final Path TARGET_B = STORAGE.resolve("backup-b");

  /** Every archive table, children first. */
  private static final List<String> TABLES =
      List.of(
          "backup_object",
          "backup",
          "fixity_problem",
          "fixity_audit",
          "write_intent",
          "record_version",
          "record",
          "retention_change",
          "legal_hold",
          "destruction_register",
          "tombstone",
          "disposition_record",
          "disposition",
          "audit_entry",
          "policy_capture",
          "job");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    registry.add("opendata.archive.capture.enabled", () -> "false"); // PolicyCaptureIntegrationTest
    TestTokens.registerSecret(registry);
    registry.add("opendata.archive.ocfl.root", OCFL_ROOT::toString);
    registry.add("opendata.archive.backup.targets", () -> TARGET_A + "," + TARGET_B);
    registry.add("opendata.archive.fixity.cron", () -> "-");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired OcflStore store;

  @Test
  void backupWipeRestoreGivesBackTheSameArchiveAndAFlippedByteFailsVerify() throws Exception {
    ArchiveApi api = new ArchiveApi(port);
    // backups of earlier runs (the database outlives them) would make the first one incremental
    jdbc.sql("delete from backup_object").update();
    jdbc.sql("delete from backup").update();
    String marker = UUID.randomUUID().toString();
    String a =
        api.archive(
            ArchiveApi.metadata("备份甲 " + marker, "内政发〔2024〕12号", "2024-03-15", "Y30", "PUBLIC"),
            "甲.txt",
            "text/plain",
            "甲 第一版".getBytes(StandardCharsets.UTF_8));
    for (int v = 2; v <= 3; v++) {
      assertThat(
              api.addVersion(
                      a, "甲.txt", ("甲 第" + v + "版").getBytes(StandardCharsets.UTF_8), "修订 " + v)
                  .statusCode())
          .isEqualTo(201);
    }
    String b =
        api.archive(
            ArchiveApi.metadata("备份乙 " + marker, null, "2015-01-01", "Y10", "RESTRICTED"),
            "乙.bin",
            "application/octet-stream",
            new byte[] {0, 1, 2, 3, (byte) 0xff});
    assertThat(
            api.postJson(
                    "/records/" + b + "/holds", "{\"reason\":\"诉讼保全\"}", ArchiveApi.archivist())
                .statusCode())
        .isEqualTo(201);

    String full = backup(api);
    assertThat(JsonPath.<String>read(full, "$.state")).isEqualTo("SUCCEEDED");
    assertThat(JsonPath.<Map<String, Object>>read(full, "$")).doesNotContainKey("previousId");
    assertThat(JsonPath.<Integer>read(full, "$.objectsCopied")).isEqualTo(2);
    assertThat(JsonPath.<List<String>>read(full, "$.targets")).hasSize(2);

    assertThat(api.addVersion(b, "乙.bin", new byte[] {9, 9, 9}, "更正").statusCode()).isEqualTo(201);
    String incremental = backup(api);
    assertThat(JsonPath.<String>read(incremental, "$.previousId"))
        .isEqualTo(JsonPath.read(full, "$.id"));
    assertThat(JsonPath.<Integer>read(incremental, "$.objectsCopied")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(incremental, "$.objectsTotal")).isEqualTo(2);
    String incrementalId = JsonPath.read(incremental, "$.id");
    String fullId = JsonPath.read(full, "$.id");
    for (String id : List.of(fullId, incrementalId)) {
      String verified = verify(api, id);
      assertThat(JsonPath.<Boolean>read(verified, "$.valid")).as(verified).isTrue();
    }
    // each bag is one tar per target, nothing else there; its tag files come first, in one
    // top-level directory named after the bag
    for (Path target : List.of(TARGET_A, TARGET_B)) {
      try (Stream<Path> children = Files.list(target)) {
        assertThat(children.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(fullId + ".tar", incrementalId + ".tar");
      }
    }
    try (TarFile tar = new TarFile(TARGET_A.resolve(incrementalId + ".tar").toFile())) {
      List<String> files =
          tar.getEntries().stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).toList();
      assertThat(files.subList(0, 4))
          .containsExactly(
              incrementalId + "/bagit.txt",
              incrementalId + "/bag-info.txt",
              incrementalId + "/manifest-sha512.txt",
              incrementalId + "/tagmanifest-sha512.txt");
      assertThat(files.subList(4, files.size()))
          .allMatch(name -> name.startsWith(incrementalId + "/data/"))
          .contains(incrementalId + "/data/backup.json")
          .anyMatch(name -> name.endsWith("乙.bin"));
    }
    // a target may still hold a bag directory of an earlier version: verified and restored too
    // (the full backup's copy in target A becomes one)
    Path fullTar = TARGET_A.resolve(fullId + ".tar");
    SerializedBag.extract(fullTar, TARGET_A);
    Files.delete(fullTar);
    assertThat(TARGET_A.resolve(fullId).resolve("bagit.txt")).isRegularFile();
    String asDirectory = verify(api, fullId);
    assertThat(JsonPath.<List<Boolean>>read(asDirectory, "$.targets[*].valid"))
        .as(asDirectory)
        .containsExactly(true, true);

    Map<String, List<Map<String, Object>>> before = snapshot(List.of(a, b));
    Map<String, byte[]> contents = contents(api, List.of(a, b));
    String chainBefore = api.get("/audit/verify", "Authorization", ArchiveApi.archivist()).body();
    assertThat(JsonPath.<Boolean>read(chainBefore, "$.intact")).isTrue();

    // wipe storage and database
    try (Stream<Path> children = Files.list(OCFL_ROOT)) {
      for (Path child : children.toList()) {
        deleteTree(child);
      }
    }
    store.forgetCaches();
    for (String table : TABLES) {
      jdbc.sql("delete from " + table).update();
    }
    assertThat(api.get("/records/" + a).statusCode()).isEqualTo(404);

    HttpResponse<String> restore =
        api.postJson("/restore", "{\"target\":\"" + TARGET_A + "\"}", ArchiveApi.admin());
    assertThat(restore.statusCode()).as(restore.body()).isEqualTo(202);
    String job =
        api.awaitJob(restore.headers().firstValue("Location").orElseThrow(), ArchiveApi.admin());
    assertThat(JsonPath.<String>read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
    assertThat(JsonPath.<Double>read(job, "$.percent")).isEqualTo(100.0);

    Map<String, List<Map<String, Object>>> after = snapshot(List.of(a, b));
    assertThat(after.get("record")).isEqualTo(before.get("record"));
    assertThat(after.get("record_version")).isEqualTo(before.get("record_version"));
    assertThat(after.get("legal_hold")).isEqualTo(before.get("legal_hold"));
    // the audit log as the last bag has it: up to that backup's own entry (the verifications
    // after it are not in any bag), then the restore's rebuild and the restore itself
    List<Map<String, Object>> audited = before.get("audit_entry");
    int lastBackup = 0;
    for (int i = 0; i < audited.size(); i++) {
      if ("backup.created".equals(audited.get(i).get("action"))) {
        lastBackup = i;
      }
    }
    List<Map<String, Object>> inBag = audited.subList(0, lastBackup + 1);
    assertThat(after.get("audit_entry")).startsWith(inBag.toArray(Map[]::new));
    assertThat(after.get("audit_entry").subList(inBag.size(), after.get("audit_entry").size()))
        .extracting(row -> row.get("action"))
        .containsExactly("index.rebuilt", "restore.completed");
    assertThat(contents(api, List.of(a, b))).containsExactlyInAnyOrderEntriesOf(contents);
    String chainAfter = api.get("/audit/verify", "Authorization", ArchiveApi.archivist()).body();
    assertThat(JsonPath.<Boolean>read(chainAfter, "$.intact")).as(chainAfter).isTrue();
    // every page: the log outlives test runs (restores bring it back), so it has more than 100
    List<String> actions = new java.util.ArrayList<>();
    for (int page = 0; ; page++) {
      String body =
          api.get("/audit?size=100&page=" + page, "Authorization", ArchiveApi.archivist()).body();
      List<String> onPage = JsonPath.read(body, "$.data[*].action");
      if (onPage.isEmpty()) {
        break;
      }
      actions.addAll(onPage);
    }
    assertThat(actions).contains("backup.created", "restore.completed");

    // a second restore is refused: the archive is no longer empty
    HttpResponse<String> again = api.postJson("/restore", null, ArchiveApi.admin());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");

    // one byte flipped in target B's copy of the incremental bag, inside a payload file's bytes
    // in the tar: verify fails there only
    Path tarB = TARGET_B.resolve(incrementalId + ".tar");
    long offset;
    try (TarFile tar = new TarFile(tarB.toFile())) {
      offset =
          tar.getEntries().stream()
              .filter(e -> e.getName().endsWith("乙.bin"))
              .findFirst()
              .orElseThrow()
              .getDataOffset();
    }
    try (FileChannel channel =
        FileChannel.open(tarB, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 1));
      one.rewind();
      channel.write(one, offset);
    }
    String failed = verify(api, incrementalId);
    assertThat(JsonPath.<Boolean>read(failed, "$.valid")).as(failed).isFalse();
    assertThat(JsonPath.<List<Boolean>>read(failed, "$.targets[*].valid"))
        .containsExactly(true, false);
    assertThat(JsonPath.<String>read(failed, "$.targets[1].problem")).contains("乙.bin");

    // the bag's manifest carries the digest the inventory recorded at ingest, not one of the bytes
    // read now: a file corrupted in storage goes into the bag as it is, and verify fails on it
    api.archive(
        ArchiveApi.metadata("备份丙 " + marker, null, "2016-01-01", "Y10", "PUBLIC"),
        "丙.txt",
        "text/plain",
        "丙 原件".getBytes(StandardCharsets.UTF_8));
    Path stored;
    try (Stream<Path> files = Files.walk(OCFL_ROOT)) {
      stored = files.filter(p -> p.toString().endsWith("丙.txt")).findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(stored);
    original[0] ^= 1;
    Files.write(stored, original);
    String laundered = backup(api);
    assertThat(JsonPath.<Integer>read(laundered, "$.objectsCopied")).isEqualTo(1);
    String corrupt = verify(api, JsonPath.read(laundered, "$.id"));
    assertThat(JsonPath.<Boolean>read(corrupt, "$.valid")).as(corrupt).isFalse();
    assertThat(JsonPath.<List<Boolean>>read(corrupt, "$.targets[*].valid"))
        .containsExactly(false, false);
    assertThat(JsonPath.<String>read(corrupt, "$.targets[0].problem")).contains("丙.txt");

    // an older version's inventory gets the digest its sidecar records, not one of the bytes read
    // now: an inventory changed in storage fails verify too
    String ding =
        api.archive(
            ArchiveApi.metadata("备份丁 " + marker, null, "2016-01-01", "Y10", "PUBLIC"),
            "丁.txt",
            "text/plain",
            "丁 第一版".getBytes(StandardCharsets.UTF_8));
    assertThat(
            api.addVersion(ding, "丁.txt", "丁 第二版".getBytes(StandardCharsets.UTF_8), "二")
                .statusCode())
        .isEqualTo(201);
    Path firstInventory =
        ArchiveApi.storedContent(OCFL_ROOT, ding, 1, "x")
            .getParent()
            .getParent()
            .getParent()
            .resolve("inventory.json");
    String inventory = Files.readString(firstInventory);
    assertThat(inventory).contains("\"v1\"");
    Files.writeString(firstInventory, inventory.replaceFirst("\"v1\"", "\"v1\" "));
    String changed = backup(api);
    String inventoryCheck = verify(api, JsonPath.read(changed, "$.id"));
    assertThat(JsonPath.<Boolean>read(inventoryCheck, "$.valid")).as(inventoryCheck).isFalse();
    assertThat(JsonPath.<String>read(inventoryCheck, "$.targets[0].problem"))
        .contains("v1/inventory.json");

    // a content file the inventory names but storage lost: that object is left out and the job
    // says which file, the rest of the backup goes ahead
    String wu =
        api.archive(
            ArchiveApi.metadata("备份戊 " + marker, null, "2016-01-01", "Y10", "PUBLIC"),
            "戊.txt",
            "text/plain",
            "戊 原件".getBytes(StandardCharsets.UTF_8));
    Files.delete(ArchiveApi.storedContent(OCFL_ROOT, wu, 1, "戊.txt"));
    HttpResponse<String> started = api.postJson("/backups", null, ArchiveApi.admin());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String partial =
        api.awaitJob("/jobs/" + JsonPath.read(started.body(), "$.id"), ArchiveApi.admin());
    assertThat(JsonPath.<String>read(partial, "$.state")).as(partial).isEqualTo("SUCCEEDED");
    assertThat(JsonPath.<List<String>>read(partial, "$.problems"))
        .singleElement()
        .asString()
        .contains("v1/content/content/戊.txt", "not backed up");
  }

  @Test
  void backupsAndRestoreNeedAnAdmin() {
    ArchiveApi api = new ArchiveApi(port);
    assertThat(api.postJson("/backups", null, null).statusCode()).isEqualTo(401);
    assertThat(api.postJson("/backups", null, ArchiveApi.archivist()).statusCode()).isEqualTo(403);
    assertThat(api.postJson("/restore", null, ArchiveApi.archivist()).statusCode()).isEqualTo(403);
    String consumer = TestTokens.bearer("key_consumer", Role.CONSUMER);
    assertThat(api.get("/backups/" + UUID.randomUUID(), "Authorization", consumer).statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown =
        api.postJson("/restore", "{\"target\":\"/etc\"}", ArchiveApi.admin());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("target");
    assertThat(
            api.postJson("/backups/" + UUID.randomUUID() + "/verify", null, ArchiveApi.admin())
                .statusCode())
        .isEqualTo(404);
  }

  private static String backup(ArchiveApi api) {
    HttpResponse<String> started = api.postJson("/backups", null, ArchiveApi.admin());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    String job = api.awaitJob("/jobs/" + JsonPath.read(started.body(), "$.id"), ArchiveApi.admin());
    assertThat(JsonPath.<String>read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
    return api.get(location, "Authorization", ArchiveApi.admin()).body();
  }

  private static String verify(ArchiveApi api, String backupId) {
    HttpResponse<String> verified =
        api.postJson("/backups/" + backupId + "/verify", null, ArchiveApi.admin());
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    return verified.body();
  }

  /** Index rows of our records (the database is shared), management tables whole. */
  private Map<String, List<Map<String, Object>>> snapshot(List<String> ids) {
    String[] ours = ids.toArray(String[]::new);
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    tables.put(
        "record",
        jdbc.sql("select * from record where id = any(cast(? as uuid[])) order by id")
            .param(ours)
            .query()
            .listOfRows());
    tables.put(
        "record_version",
        jdbc.sql(
                "select * from record_version where record_id = any(cast(? as uuid[])) order by record_id, version")
            .param(ours)
            .query()
            .listOfRows());
    tables.put("legal_hold", jdbc.sql("select * from legal_hold order by id").query().listOfRows());
    tables.put(
        "audit_entry",
        jdbc.sql("select * from audit_entry order by sequence").query().listOfRows());
    return tables;
  }

  /** Every version's bytes and Content-Digest, read through the API. */
  private static Map<String, byte[]> contents(ArchiveApi api, List<String> ids) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (String id : ids) {
      String versions =
          api.get("/records/" + id + "/versions", "Authorization", ArchiveApi.archivist()).body();
      for (Integer v : JsonPath.<List<Integer>>read(versions, "$.data[*].version")) {
        HttpResponse<byte[]> read =
            api.getBytes(
                "/records/" + id + "/versions/" + v + "/content",
                "Authorization",
                ArchiveApi.archivist());
        assertThat(read.statusCode()).isEqualTo(200);
        contents.put(id + "/v" + v, read.body());
        contents.put(
            id + "/v" + v + "/digest",
            read.headers().firstValue("Content-Digest").orElseThrow().getBytes());
      }
    }
    assertThat(contents).hasSize(2 * (3 + 2));
    return contents;
  }

  private static void deleteTree(Path path) {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("archive-backup");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
