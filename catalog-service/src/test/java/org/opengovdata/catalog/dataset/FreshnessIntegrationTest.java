package org.opengovdata.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** Late publication, the study's first complaint: which datasets are overdue, and by how much. */
class FreshnessIntegrationTest extends CatalogIntegrationTest {

  private Map<String, OffsetDateTime> modifiedBefore;

  @BeforeEach
  void everyDatasetFreshExceptThreePublicExpensesLastUpdatedInMarch2020() {
    modifiedBefore =
        jdbc.sql("select id, modified from dataset")
            .query(
                rs -> {
                  Map<String, OffsetDateTime> m = new java.util.HashMap<>();
                  while (rs.next()) {
                    m.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                  }
                  return m;
                });
    jdbc.sql("update dataset set modified = now()").update();
    jdbc.sql(
            "update dataset set modified = '2020-03-01T10:00:00+08:00'"
                + " where id = 'fiscal-three-public'")
        .update();
  }

  @AfterEach
  void restore() {
    modifiedBefore.forEach(
        (id, modified) ->
            jdbc.sql("update dataset set modified = ? where id = ?").params(modified, id).update());
  }

  @Test
  void anAnnualDatasetLastUpdatedIn2020WasDueByJune2021AndIsListedFirst() {
    long late =
        ChronoUnit.DAYS.between(
            LocalDate.of(2021, 6, 30), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    HttpResponse<String> response = get("/datasets/freshness");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> first = JsonPath.read(response.body(), "$.data[0]");
    assertThat(first)
        .containsEntry("datasetId", "fiscal-three-public")
        .containsEntry("updateFrequency", "ANNUAL")
        .containsEntry("nextUpdateDue", "2021-06-30")
        .containsEntry("overdueDays", (int) late)
        .containsEntry("overdue", true);
    List<Boolean> others = JsonPath.read(response.body(), "$.data[1:].overdue");
    assertThat(others).isNotEmpty().containsOnly(false);

    assertThat(
            JsonPath.<List<String>>read(
                get("/datasets/freshness?overdue=true").body(), "$.data[*].datasetId"))
        .containsExactly("fiscal-three-public");
    assertThat(JsonPath.<List<String>>read(get("/datasets?overdue=true").body(), "$.data[*].id"))
        .containsExactly("fiscal-three-public");
    assertThat(JsonPath.<List<String>>read(get("/datasets?overdue=false").body(), "$.data[*].id"))
        .hasSize(others.size())
        .doesNotContain("fiscal-three-public");
  }

  @Test
  void theSameAsCsvWithABomAndOneRowPerDataset() {
    HttpResponse<String> csv = get("/datasets/freshness?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFF");
    String[] lines = csv.body().substring(1).split("\r\n");
    assertThat(lines[0])
        .isEqualTo("datasetId,title,updateFrequency,modified,nextUpdateDue,overdueDays,overdue");
    assertThat(lines[1])
        .startsWith("fiscal-three-public,")
        .contains(",2021-06-30,")
        .endsWith(",true");
    int datasets = jdbc.sql("select count(*) from dataset").query(Integer.class).single();
    assertThat(lines).hasSize(datasets + 1);
  }

  @Test
  void overdueMustBeABoolean() {
    HttpResponse<String> response = get("/datasets/freshness?overdue=perhaps");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter"))
        .isEqualTo("overdue");
  }
}
