package org.opengovdata.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log records who did what, and verification finds a tampered entry. */
class AuditIntegrationTest extends ArchiveIntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void everyActionIsLoggedAndATamperedEntryBreaksTheChain() {
    String id =
        api.archive(
            ArchiveApi.metadata("审计 " + UUID.randomUUID(), null, "2021-07-01", "Y10", "RESTRICTED"),
            "a.txt",
            "text/plain",
            "内部".getBytes(StandardCharsets.UTF_8));
    assertThat(api.getBytes("/records/" + id + "/content").statusCode())
        .as("restricted content needs a key")
        .isEqualTo(401);
    assertThat(
            api.getBytes("/records/" + id + "/content", "Authorization", ArchiveApi.archivist())
                .statusCode())
        .isEqualTo(200);
    assertThat(api.get("/records?q=" + "审计", "Authorization", ArchiveApi.archivist()).body())
        .contains(id);
    assertThat(api.get("/records?q=" + "审计").body()).doesNotContain(id);

    HttpResponse<String> log =
        api.get("/audit?recordId=" + id, "Authorization", ArchiveApi.archivist());
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(log.body(), "$.data[*].action"))
        .containsExactly("record.created", "content.read");
    assertThat(JsonPath.<List<String>>read(log.body(), "$.data[*].actor"))
        .containsOnly(ArchiveApi.ARCHIVIST);
    assertThat(api.get("/audit/verify").statusCode()).isEqualTo(401);
    assertThat(JsonPath.<Boolean>read(verify(), "$.intact")).isTrue();

    long sequence = JsonPath.<Number>read(log.body(), "$.data[1].sequence").longValue();
    String detail =
        jdbc.sql("select detail from audit_entry where sequence = ?")
            .param(sequence)
            .query(String.class)
            .single();
    jdbc.sql("update audit_entry set detail = ? where sequence = ?")
        .params(detail + " (nobody read this)", sequence)
        .update();
    try {
      String broken = verify();
      assertThat(JsonPath.<Boolean>read(broken, "$.intact")).isFalse();
      assertThat(JsonPath.<Number>read(broken, "$.firstBrokenSequence").longValue())
          .isEqualTo(sequence);
      assertThat(JsonPath.<String>read(broken, "$.detail")).contains("altered");
    } finally {
      jdbc.sql("update audit_entry set detail = ? where sequence = ?")
          .params(detail, sequence)
          .update();
    }
    assertThat(JsonPath.<Boolean>read(verify(), "$.intact")).isTrue();
  }

  private String verify() {
    HttpResponse<String> response =
        api.get("/audit/verify", "Authorization", ArchiveApi.archivist());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
