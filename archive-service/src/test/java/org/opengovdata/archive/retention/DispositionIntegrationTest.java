package org.opengovdata.archive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.TestTokens;

/** Retention, legal holds and witnessed destruction (监销) by two different archivists. */
class DispositionIntegrationTest extends ArchiveIntegrationTest {

  @Test
  void dispositionApprovedByASecondArchivistLeavesATombstoneAndARegisterEntry() throws Exception {
    String title = "2005年度内部通知 " + UUID.randomUUID();
    String id = archiveDue(title, "Y10");
    String objectPath = objectRootOf(id);

    HttpResponse<String> due =
        api.get("/retention/due?asOf=2030-01-01&size=100", "Authorization", ArchiveApi.archivist());
    assertThat(due.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(due.body(), "$.data[*].id")).contains(id);
    assertThat(api.get("/retention/due").statusCode()).isEqualTo(401);

    String dispositionId = propose(id, ArchiveApi.archivist());
    HttpResponse<String> self =
        api.postJson("/dispositions/" + dispositionId + "/approvals", null, ArchiveApi.archivist());
    assertThat(self.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(self.body(), "$.detail")).contains("second archivist");
    assertThat(api.get("/records/" + id).statusCode()).isEqualTo(200);

    HttpResponse<String> approved =
        api.postJson(
            "/dispositions/" + dispositionId + "/approvals", null, ArchiveApi.secondArchivist());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JsonPath.<String>read(approved.body(), "$.state")).isEqualTo("EXECUTED");
    assertThat(JsonPath.<String>read(approved.body(), "$.approvedBy"))
        .isEqualTo(ArchiveApi.SECOND_ARCHIVIST);

    HttpResponse<String> gone = api.get("/records/" + id);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JsonPath.<String>read(gone.body(), "$.disposition.dispositionId"))
        .isEqualTo(dispositionId);
    assertThat(JsonPath.<String>read(gone.body(), "$.disposition.approvedBy"))
        .isEqualTo(ArchiveApi.SECOND_ARCHIVIST);
    assertThat(api.get("/records/" + id + "/content").statusCode()).isEqualTo(410);
    assertThat(Files.exists(OCFL_ROOT.resolve(objectPath))).as("OCFL object purged").isFalse();

    HttpResponse<String> register =
        api.get("/destruction-register?size=100", "Authorization", ArchiveApi.archivist());
    assertThat(register.statusCode()).isEqualTo(200);
    List<String> titles =
        JsonPath.read(register.body(), "$.data[?(@.recordId=='" + id + "')].title");
    assertThat(titles).containsExactly(title);
    List<String> digests =
        JsonPath.read(register.body(), "$.data[?(@.recordId=='" + id + "')].lastDigest");
    assertThat(digests.get(0)).startsWith("sha512:");
    HttpResponse<String> csv =
        api.get("/destruction-register?format=csv", "Authorization", ArchiveApi.archivist());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFsequence,dispositionId,recordId").contains(title);

    HttpResponse<String> again =
        api.postJson(
            "/dispositions/" + dispositionId + "/approvals", null, ArchiveApi.secondArchivist());
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<String> audit =
        api.get("/audit?recordId=" + id + "&size=100", "Authorization", ArchiveApi.archivist());
    assertThat(JsonPath.<List<String>>read(audit.body(), "$.data[*].action"))
        .containsSubsequence("record.created", "disposition.proposed", "record.disposed");
  }

  @Test
  void heldRecordCannotBeDisposedUntilTheHoldIsReleased() {
    String id = archiveDue("诉讼相关文件 " + UUID.randomUUID(), "Y10");
    HttpResponse<String> hold =
        api.postJson(
            "/records/" + id + "/holds", "{\"reason\":\"行政复议案件审理期间保全\"}", ArchiveApi.archivist());
    assertThat(hold.statusCode()).isEqualTo(201);
    String holdId = JsonPath.read(hold.body(), "$.id");
    assertThat(JsonPath.<Boolean>read(api.get("/records/" + id).body(), "$.onHold")).isTrue();

    HttpResponse<String> refused = proposeResponse(id, ArchiveApi.archivist());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(refused.body(), "$.refused[0].reason"))
        .isEqualTo("under legal hold");

    assertThat(api.delete("/holds/" + holdId, ArchiveApi.archivist()).statusCode())
        .as("a release needs a reason")
        .isEqualTo(400);
    HttpResponse<String> released =
        api.delete(
            "/holds/" + holdId + "?reason=%E5%B7%B2%E7%BB%93%E6%A1%88", ArchiveApi.archivist());
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    assertThat(JsonPath.<Boolean>read(released.body(), "$.active")).isFalse();

    // a hold placed after the proposal still stops the approval
    String dispositionId = propose(id, ArchiveApi.archivist());
    assertThat(
            api.postJson(
                    "/records/" + id + "/holds",
                    "{\"reason\":\"新的诉讼\"}",
                    ArchiveApi.secondArchivist())
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> blocked =
        api.postJson(
            "/dispositions/" + dispositionId + "/approvals", null, ArchiveApi.secondArchivist());
    assertThat(blocked.statusCode()).isEqualTo(409);
    assertThat(api.get("/records/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void permanentRecordsAreNeverDisposedAndRetentionIsNeverShortened() {
    String permanent = archiveDue("自治区成立纪念文件 " + UUID.randomUUID(), "PERMANENT");
    HttpResponse<String> refused = proposeResponse(permanent, ArchiveApi.archivist());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("PERMANENT");
    assertThat(
            JsonPath.<java.util.Map<String, Object>>read(
                api.get("/records/" + permanent).body(), "$"))
        .doesNotContainKey("dispositionDate");

    String id = archiveDue("年度工作要点 " + UUID.randomUUID(), "Y10");
    assertThat(JsonPath.<String>read(api.get("/records/" + id).body(), "$.dispositionDate"))
        .isEqualTo("2016-01-01");
    HttpResponse<String> extended =
        api.postJson(
            "/records/" + id + "/retention",
            "{\"retentionClass\":\"Y30\",\"reason\":\"经鉴定具有长期查考价值\"}",
            ArchiveApi.archivist());
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
    assertThat(JsonPath.<String>read(extended.body(), "$.retentionClass")).isEqualTo("Y30");
    assertThat(JsonPath.<String>read(extended.body(), "$.dispositionDate")).isEqualTo("2036-01-01");

    HttpResponse<String> shortened =
        api.postJson(
            "/records/" + id + "/retention",
            "{\"retentionClass\":\"Y10\",\"reason\":\"缩短\"}",
            ArchiveApi.archivist());
    assertThat(shortened.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(shortened.body(), "$.detail")).contains("never shortened");
    HttpResponse<String> notDue = proposeResponse(id, ArchiveApi.archivist());
    assertThat(notDue.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(notDue.body(), "$.refused[0].reason"))
        .startsWith("not due until 2036-01-01");
  }

  @Test
  void writesNeedTheArchivistRole() {
    String consumer = TestTokens.bearer("key_consumer", Role.CONSUMER);
    HttpResponse<String> anonymous =
        api.postJson("/dispositions", "{\"recordIds\":[],\"reason\":\"x\"}", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden =
        api.post(
            "/records",
            new ArchiveApi.Multipart()
                .field(
                    "metadata",
                    ArchiveApi.metadata("x", null, "2020-01-01", "Y10", "PUBLIC"),
                    "application/json")
                .file("file", "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8)),
            consumer);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(api.postJson("/admin/index-rebuild", null, ArchiveApi.archivist()).statusCode())
        .isEqualTo(403);
  }

  private String archiveDue(String title, String retention) {
    return api.archive(
        ArchiveApi.metadata(title, null, "2005-06-30", retention, "PUBLIC"),
        "通知.txt",
        "text/plain",
        ("关于" + title + "的通知").getBytes(StandardCharsets.UTF_8));
  }

  private String propose(String id, String authorization) {
    HttpResponse<String> response = proposeResponse(id, authorization);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonPath.read(response.body(), "$.id");
  }

  private HttpResponse<String> proposeResponse(String id, String authorization) {
    return api.postJson(
        "/dispositions",
        "{\"recordIds\":[\"" + id + "\"],\"reason\":\"保管期限届满，经鉴定无继续保存价值\"}",
        authorization);
  }

  /** The storage-relative directory of the record's OCFL object. */
  private String objectRootOf(String id) throws Exception {
    try (Stream<Path> files = Files.walk(OCFL_ROOT)) {
      Path inventory =
          files
              .filter(p -> p.getFileName().toString().equals("inventory.json"))
              .filter(p -> p.getParent().resolve("0=ocfl_object_1.1").toFile().exists())
              .filter(p -> read(p).contains("urn:uuid:" + id))
              .findFirst()
              .orElseThrow();
      return OCFL_ROOT.relativize(inventory.getParent()).toString();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
