package org.opengovdata.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;
import org.opengovdata.archive.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The index is derived data: dropped, it comes back from the OCFL storage root alone. */
class IndexRebuildIntegrationTest extends ArchiveIntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void rebuildFromTheStorageRootAloneReproducesTheIndex() {
    String id =
        api.archive(
            ArchiveApi.metadata(
                "重建测试 " + UUID.randomUUID(), "内政办发〔2023〕7号", "2023-05-06", "Y30", "RESTRICTED"),
            "规定.txt",
            "text/plain",
            "第一版".getBytes(StandardCharsets.UTF_8));
    assertThat(
            api.addVersion(id, "规定-修订.txt", "第二版".getBytes(StandardCharsets.UTF_8), "修订")
                .statusCode())
        .isEqualTo(201);
    api.postJson(
        "/records/" + id + "/retention",
        "{\"retentionClass\":\"PERMANENT\",\"reason\":\"经鉴定永久保存\"}",
        ArchiveApi.archivist());
    Jobs.rebuildIndex(api); // settle: rows of earlier runs whose objects are elsewhere go away
    List<Map<String, Object>> records = records();
    List<Map<String, Object>> versions = versions();
    assertThat(records).extracting(r -> r.get("id").toString()).contains(id);

    jdbc.sql("delete from record_version").update();
    jdbc.sql("delete from record").update();
    assertThat(api.get("/records/" + id, "Authorization", ArchiveApi.archivist()).statusCode())
        .isEqualTo(404);

    String job = Jobs.rebuildIndex(api);
    assertThat(JsonPath.<Integer>read(job, "$.processed"))
        .isEqualTo(JsonPath.<Integer>read(job, "$.total"));
    assertThat(JsonPath.<Double>read(job, "$.percent")).isEqualTo(100.0);
    assertThat(records()).isEqualTo(records);
    assertThat(versions()).isEqualTo(versions);

    String record = api.get("/records/" + id, "Authorization", ArchiveApi.archivist()).body();
    assertThat(JsonPath.<String>read(record, "$.retentionClass")).isEqualTo("PERMANENT");
    assertThat(JsonPath.<Integer>read(record, "$.headVersion")).isEqualTo(2);
    assertThat(JsonPath.<String>read(record, "$.access")).isEqualTo("RESTRICTED");
  }

  private List<Map<String, Object>> records() {
    return jdbc.sql("select * from record order by id").query().listOfRows();
  }

  private List<Map<String, Object>> versions() {
    return jdbc.sql("select * from record_version order by record_id, version")
        .query()
        .listOfRows();
  }
}
