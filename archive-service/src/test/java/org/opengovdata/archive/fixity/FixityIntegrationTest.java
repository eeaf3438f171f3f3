package org.opengovdata.archive.fixity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Item 5: an audit finds a file corrupted on disk, lists it, and the record is refused. */
class FixityIntegrationTest extends ArchiveIntegrationTest {

  @Autowired FixitySchedule schedule;
  @Autowired JdbcClient jdbc;

  @Test
  void auditReportsACorruptedFileAndReadsRefuseTheRecord() throws Exception {
    String marker = "固定性 " + UUID.randomUUID();
    byte[] first = ("第一版 " + marker).getBytes(StandardCharsets.UTF_8);
    String id =
        api.archive(
            ArchiveApi.metadata(marker, null, "2021-06-01", "Y30", "PUBLIC"),
            "data.txt",
            "text/plain",
            first);
    assertThat(
            api.addVersion(id, "data2.txt", "第二版".getBytes(StandardCharsets.UTF_8), "修订")
                .statusCode())
        .isEqualTo(201);
    Path stored = ArchiveApi.storedContent(OCFL_ROOT, id, 1, "data.txt");
    byte[] corrupted = first.clone();
    corrupted[corrupted.length - 1] ^= 1;
    Files.write(stored, corrupted);
    try {
      HttpResponse<String> started = api.postJson("/fixity-audits", null, ArchiveApi.archivist());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String location = started.headers().firstValue("Location").orElseThrow();
      assertThat(location).endsWith("/fixity-audits/" + JsonPath.read(started.body(), "$.id"));
      assertThat(JsonPath.<String>read(started.body(), "$.trigger")).isEqualTo("MANUAL");

      String done = awaitAudit(location);
      assertThat(JsonPath.<String>read(done, "$.job.state")).as(done).isEqualTo("SUCCEEDED");
      assertThat(JsonPath.<Double>read(done, "$.job.percent")).isEqualTo(100.0);
      assertThat(JsonPath.<Integer>read(done, "$.objectsChecked"))
          .isEqualTo(JsonPath.<Integer>read(done, "$.job.total"))
          .isGreaterThanOrEqualTo(1);
      assertThat(JsonPath.<Integer>read(done, "$.objectsInvalid")).isGreaterThanOrEqualTo(1);
      List<Map<String, Object>> ours =
          JsonPath.read(done, "$.problems[?(@.recordId == '" + id + "')]");
      assertThat(ours).as(done).isNotEmpty();
      assertThat(ours)
          .allSatisfy(
              p -> {
                assertThat(p.get("objectId")).isEqualTo("urn:uuid:" + id);
                assertThat((String) p.get("code")).matches("E\\d{3}");
              });
      assertThat(ours).anySatisfy(p -> assertThat((String) p.get("message")).contains("data.txt"));
      assertThat(JsonPath.<String>read(done, "$.finishedAt")).isNotBlank();

      // out of service: even the intact latest version is refused, and the record says why
      String record = api.get("/records/" + id).body();
      assertThat(JsonPath.<Boolean>read(record, "$.valid")).isFalse();
      for (String path :
          List.of("/records/" + id + "/content", "/records/" + id + "/versions/2/content")) {
        HttpResponse<String> read = api.get(path);
        assertThat(read.statusCode()).as(path).isEqualTo(500);
        assertThat(JsonPath.<String>read(read.body(), "$.type"))
            .endsWith("/problems/integrity-failure");
        assertThat(read.body()).doesNotContain("第二版");
      }
      HttpResponse<byte[]> v1 = api.getBytes("/records/" + id + "/versions/1/content");
      assertThat(v1.statusCode()).isEqualTo(500);
      assertThat(new String(v1.body(), StandardCharsets.UTF_8)).doesNotContain(marker);

      String audit =
          api.get("/audit?recordId=" + id, "Authorization", ArchiveApi.archivist()).body();
      assertThat(JsonPath.<List<String>>read(audit, "$.data[*].action"))
          .contains("integrity.failure");
    } finally {
      Files.write(stored, first);
    }
  }

  @Test
  void theScheduledAuditRunsAsTheScheduler() {
    schedule.daily();
    UUID auditId =
        jdbc.sql(
                "select id from fixity_audit where trigger = 'SCHEDULED' order by started_at desc"
                    + " limit 1")
            .query(UUID.class)
            .single();
    String done = awaitAudit("/fixity-audits/" + auditId);
    assertThat(JsonPath.<String>read(done, "$.trigger")).isEqualTo("SCHEDULED");
    assertThat(JsonPath.<String>read(done, "$.requestedBy")).isEqualTo(FixitySchedule.SCHEDULER);
    assertThat(JsonPath.<String>read(done, "$.job.state")).isEqualTo("SUCCEEDED");
  }

  @Test
  void auditsNeedAnArchivistOrAdmin() {
    assertThat(api.postJson("/fixity-audits", null, null).statusCode()).isEqualTo(401);
    String consumer = TestTokens.bearer("key_consumer", Role.CONSUMER);
    assertThat(api.postJson("/fixity-audits", null, consumer).statusCode()).isEqualTo(403);
    HttpResponse<String> missing =
        api.get("/fixity-audits/" + UUID.randomUUID(), "Authorization", ArchiveApi.admin());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  private String awaitAudit(String location) {
    String[] body = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(5))
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(
            () -> {
              body[0] = api.get(location, "Authorization", ArchiveApi.archivist()).body();
              String state = JsonPath.read(body[0], "$.job.state");
              return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
    return body[0];
  }
}
