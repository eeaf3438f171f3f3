package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.catalog.policy.PolicyApi.ALICE;
import static org.opengovdata.catalog.policy.PolicyApi.BOB;
import static org.opengovdata.catalog.policy.PolicyApi.token;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.common.testsupport.Http;

/**
 * JSON Lines imports: row-by-row report, idempotent by number, published in one step by another
 * key.
 */
class PolicyImportIntegrationTest extends CatalogIntegrationTest {

  private static final String LINES =
      """
      {"title":"关于做好2024年政务公开工作的通知","documentNumber":"内政办发[2024]3号","issuer":"内蒙古自治区人民政府办公厅","documentType":"通知","regionCode":"150000","body":"各盟行政公署、市人民政府：现将有关事项通知如下。"}
      {"title":"关于印发某办法的通知","documentNumber":"内政办发〔2024〕4号","issuer":"内蒙古自治区人民政府办公厅","documentType":"通知","regionCode":"150000","body":"联系电话：13812345678"}
      this is not json
      {"title":"缺少类型","issuer":"内蒙古自治区人民政府办公厅","regionCode":"150000"}

      {"title":"重复的文号","documentNumber":"内政办发（2024）3号","issuer":"内蒙古自治区人民政府办公厅","documentType":"通知","regionCode":"150000","body":"正文"}
      {"title":"错误文号","documentNumber":"内政办发〔0999〕5号","issuer":"内蒙古自治区人民政府办公厅","documentType":"函","regionCode":"150000","body":"正文"}
      """;

  private PolicyApi api;

  @BeforeEach
  void emptyPolicies() {
    resetData();
    api = new PolicyApi(this::url);
  }

  private HttpResponse<String> importLines(String body, String bearer) {
    return Http.send(
        "POST",
        url("/policies/imports"),
        body,
        "Content-Type",
        "application/x-ndjson",
        "Authorization",
        bearer);
  }

  @Test
  void everyLineIsReportedAndTheImportIsPublishedInOneStepByAnotherKey() {
    HttpResponse<String> report = importLines(LINES, token(ALICE));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(report.body(), "$.created")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(report.body(), "$.existing")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(report.body(), "$.rejected")).isEqualTo(4);
    assertThat(JsonPath.<List<String>>read(report.body(), "$.rows[*].result"))
        .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "EXISTING", "REJECTED");
    assertThat(JsonPath.<List<Integer>>read(report.body(), "$.rows[*].line"))
        .containsExactly(1, 2, 3, 4, 6, 7);
    assertThat(JsonPath.<String>read(report.body(), "$.rows[1].findings[0].kind"))
        .isEqualTo("MOBILE_NUMBER");
    assertThat(JsonPath.<String>read(report.body(), "$.rows[3].errors[0].parameter"))
        .isEqualTo("documentType");
    assertThat(JsonPath.<String>read(report.body(), "$.rows[5].errors[0].parameter"))
        .isEqualTo("documentNumber");
    String created = JsonPath.read(report.body(), "$.rows[0].id");
    assertThat(JsonPath.<String>read(report.body(), "$.rows[4].id")).isEqualTo(created);

    String importId = JsonPath.read(report.body(), "$.importId");
    String publish = "/policies/imports/" + importId + "/publish";
    assertThat(api.send("POST", publish, Map.of(), token(ALICE)).statusCode()).isEqualTo(403);
    HttpResponse<String> published = api.send("POST", publish, Map.of(), token(BOB));
    PolicyApi.assertOk(published);
    assertThat(JsonPath.<Integer>read(published.body(), "$.published")).isEqualTo(1);
    assertThat(api.send("POST", publish, Map.of(), token(BOB)).statusCode()).isEqualTo(409);

    HttpResponse<String> policy = get("/policies/" + created);
    assertThat(JsonPath.<String>read(policy.body(), "$.status")).isEqualTo("PUBLISHED");
    assertThat(JsonPath.<String>read(policy.body(), "$.submittedBy")).isEqualTo(ALICE);
    assertThat(JsonPath.<String>read(policy.body(), "$.approvedBy")).isEqualTo(BOB);

    HttpResponse<String> again = importLines(LINES, token(ALICE));
    assertThat(JsonPath.<Integer>read(again.body(), "$.created")).as("idempotent").isZero();
    assertThat(JsonPath.<Integer>read(again.body(), "$.existing")).isEqualTo(2);
  }

  @Test
  void importsNeedAPublisher() {
    assertThat(
            Http.send(
                    "POST", url("/policies/imports"), LINES, "Content-Type", "application/x-ndjson")
                .statusCode())
        .isEqualTo(401);
  }
}
