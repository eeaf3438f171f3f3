package org.opengovdata.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.api.model.VersionInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety, deterministically: the states a kill can leave behind — a version committed to OCFL
 * whose index rows never committed, a version directory moved into place before the root inventory
 * was replaced, a new object the index never heard of — are put back to what the index
 * acknowledged, and the objects validate and take new versions afterwards. Intents of a live
 * instance are left alone. (The kill itself: {@code ArchiveKillIntegrationTest}.)
 */
class WriteIntentRecoveryIntegrationTest extends ArchiveIntegrationTest {

  @Autowired WriteIntents intents;
  @Autowired OcflStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void interruptedWritesAreRolledBackToWhatTheIndexAcknowledged() throws Exception {
    int deadOwner = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    // 1. OCFL committed v2, the index did not
    String committed = archive("已提交");
    String committedObject = RecordIds.objectId(UUID.fromString(committed));
    assertThat(store.writeVersion(committedObject, 1, staged("v2 内容"), info())).isEqualTo(2);
    intent(committedObject, committed, 1, deadOwner);
    // 2. v2 moved into the object root, root inventory still at v1 (killed inside ocfl-java)
    String half = archive("半版本");
    Path halfRoot = objectRoot(half);
    copyTree(halfRoot.resolve("v1"), halfRoot.resolve("v2"));
    intent(RecordIds.objectId(UUID.fromString(half)), half, 1, deadOwner);
    // 3. a new object written, its index rows never committed
    UUID fresh = UUID.randomUUID();
    String freshObject = RecordIds.objectId(fresh);
    store.writeVersion(freshObject, 0, staged("新对象"), info());
    intent(freshObject, fresh.toString(), 0, deadOwner);
    // 4. an intent of a live instance (its lock is held): not ours to touch
    int liveOwner = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    String live = archive("进行中");
    String liveIntent = intent(RecordIds.objectId(UUID.fromString(live)), live, 1, liveOwner);
    var pg = TestInfrastructure.postgres();
    try (Connection liveInstance = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        PreparedStatement lock = liveInstance.prepareStatement("select pg_advisory_lock(?, ?)")) {
      lock.setInt(1, 0x4152);
      lock.setInt(2, liveOwner);
      lock.execute();

      assertThat(intents.recover()).isGreaterThanOrEqualTo(3);

      assertThat(store.describe(committedObject).getHeadVersionNum().getVersionNum()).isEqualTo(1);
      assertThat(halfRoot.resolve("v2")).doesNotExist();
      assertThat(store.contains(freshObject)).isFalse();
      for (String id : List.of(committed, half)) {
        assertThat(store.check(relative(objectRoot(id))).errors()).as(id).isEmpty();
        assertThat(
                api.addVersion(id, "next.txt", "下一版".getBytes(StandardCharsets.UTF_8), "续")
                    .statusCode())
            .as(id)
            .isEqualTo(201);
        assertThat(
                store
                    .describe(RecordIds.objectId(UUID.fromString(id)))
                    .getHeadVersionNum()
                    .getVersionNum())
            .isEqualTo(2);
      }
      assertThat(
              jdbc.sql("select count(*) from write_intent where owner_lock = ?")
                  .param(deadOwner)
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(
              jdbc.sql("select count(*) from write_intent where id = ?")
                  .param(UUID.fromString(liveIntent))
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_entry where action = 'write.recovered'"
                          + " and record_id = ?")
                  .param(UUID.fromString(committed))
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      jdbc.sql("delete from write_intent where id = ?").param(UUID.fromString(liveIntent)).update();
    }
  }

  private String archive(String title) {
    return api.archive(
        ArchiveApi.metadata(title + " " + UUID.randomUUID(), null, "2020-01-01", "Y10", "PUBLIC"),
        "doc.txt",
        "text/plain",
        ("第一版 " + title).getBytes(StandardCharsets.UTF_8));
  }

  private String intent(String objectId, String recordId, int head, int owner) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into write_intent (id, object_id, record_id, expected_head, owner, owner_lock)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, objectId, UUID.fromString(recordId), head, UUID.randomUUID(), owner)
        .update();
    return id.toString();
  }

  private static Path staged(String text) throws Exception {
    Path dir = Files.createTempDirectory(STORAGE, "staged");
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("content/doc.txt"), text);
    return dir;
  }

  private static VersionInfo info() {
    return new VersionInfo().setUser("test", "urn:test").setMessage("crash simulation");
  }

  private static Path objectRoot(String recordId) {
    return ArchiveApi.storedContent(OCFL_ROOT, recordId, 1, "x")
        .getParent()
        .getParent()
        .getParent()
        .getParent();
  }

  private static String relative(Path objectRoot) {
    return OCFL_ROOT.relativize(objectRoot).toString();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
