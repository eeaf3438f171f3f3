package org.opengovdata.catalog.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;

/** Bulk loads: publisher only, all or nothing, a row-by-row report, versions and events. */
class BulkLoadIntegrationTest extends CatalogIntegrationTest {

  private static final String HEADER =
      "year,region,budgetType,stage,direction,classification,amount\n";
  private static final String VALID =
      HEADER
          + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,38211.57\n"
          + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,20117.04\n"
          + "2024,150602,GOVERNMENT_FUND,FINAL,EXPENDITURE,2120801,9100.00\n"
          + "2024,150602,GENERAL_PUBLIC,FINAL,REVENUE,10101,51234.5\n";

  @BeforeEach
  void emptyCatalogue() {
    resetData();
  }

  @Test
  void bulkEndpointsNeedAToken() {
    for (String path : List.of("/fiscal/items/bulk", "/statistics/observations/bulk")) {
      HttpResponse<String> anonymous = post(path, VALID, "Content-Type", "text/csv");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      HttpResponse<String> consumer =
          post(
              path,
              VALID,
              "Content-Type",
              "text/csv",
              "Authorization",
              TestTokens.bearer("key_consumer", Role.CONSUMER));
      assertThat(consumer.statusCode()).isEqualTo(403);
      assertThat(JsonPath.<String>read(consumer.body(), "$.type")).endsWith("/problems/forbidden");
      HttpResponse<String> forged =
          post(
              path,
              VALID,
              "Content-Type",
              "text/csv",
              "Authorization",
              TestTokens.forgedBearer("key_pub", Role.PUBLISHER));
      assertThat(forged.statusCode()).isEqualTo(401);
    }
    assertThat(itemCount()).isZero();
  }

  @Test
  void aValidFileLoadsBumpsTheDatasetsAndRecordsEvents() {
    long generalBefore = version("fiscal-general-public");
    long fundBefore = version("fiscal-government-fund");
    long capitalBefore = version("fiscal-state-capital");

    HttpResponse<String> response = loadFiscal(VALID);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(response.body(), "$.rows")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(response.body(), "$.inserted")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(response.body(), "$.updated")).isZero();
    assertThat(JsonPath.<List<String>>read(response.body(), "$.datasets[*].id"))
        .containsExactlyInAnyOrder("fiscal-general-public", "fiscal-government-fund");
    assertThat(version("fiscal-general-public")).isEqualTo(generalBefore + 1);
    assertThat(version("fiscal-government-fund")).isEqualTo(fundBefore + 1);
    assertThat(version("fiscal-state-capital")).isEqualTo(capitalBefore);
    List<Map<String, Object>> events =
        jdbc.sql("select type, aggregate_id, version from outbox_event order by aggregate_id")
            .query()
            .listOfRows();
    assertThat(events)
        .containsExactly(
            Map.of(
                "type",
                "dataset.updated",
                "aggregate_id",
                "fiscal-general-public",
                "version",
                generalBefore + 1),
            Map.of(
                "type",
                "dataset.updated",
                "aggregate_id",
                "fiscal-government-fund",
                "version",
                fundBefore + 1));
    assertThat(
            jdbc.sql("select amount::text from fiscal_item where classification_code = '10101'")
                .query(String.class)
                .single())
        .isEqualTo("51234.50");
  }

  @Test
  void reloadingChangesOnlyWhatDiffers() {
    assertThat(loadFiscal(VALID).statusCode()).isEqualTo(200);
    long version = version("fiscal-general-public");

    HttpResponse<String> same = loadFiscal(VALID);
    assertThat(JsonPath.<Integer>read(same.body(), "$.unchanged")).isEqualTo(4);
    assertThat(JsonPath.<List<?>>read(same.body(), "$.datasets")).isEmpty();
    assertThat(version("fiscal-general-public")).isEqualTo(version);

    HttpResponse<String> corrected =
        loadFiscal(HEADER + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,38300.00\n");
    assertThat(JsonPath.<Integer>read(corrected.body(), "$.updated")).isEqualTo(1);
    assertThat(version("fiscal-general-public")).isEqualTo(version + 1);
    assertThat(itemCount()).isEqualTo(4);
  }

  @Test
  void anInvalidFileIsRejectedWholeWithARowByRowReport() {
    String file =
        HEADER
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,38211.57\n" // row 2: valid
            + "2024,159999,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n" // 3: region
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2059999,1.00\n" // 4: classification
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,10101,1.00\n" // 5: revenue code
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,十二万\n" // 6: amount
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050204,1.005\n" // 7: 3 decimals
            + "20x4,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050205,1.00\n" // 8: year
            + "2024,150602,GENERAL_PUBLIC,PLAN,EXPENDITURE,2050205,1.00\n" // 9: stage
            + "2024,150602,LOCAL,FINAL,EXPENDITURE,2050205,1.00\n" // 10: budget type
            + "2024,150602,GENERAL_PUBLIC,FINAL\n"; // 11: short row
    long versionBefore = version("fiscal-general-public");

    HttpResponse<String> response = loadFiscal(file);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.type")).endsWith("/problems/invalid-body");
    assertThat(JsonPath.<Integer>read(response.body(), "$.errorCount")).isEqualTo(9);
    List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
    assertThat(errors)
        .extracting(e -> e.get("row") + ":" + e.get("parameter"))
        .containsExactly(
            "3:region",
            "4:classification",
            "5:classification",
            "6:amount",
            "7:amount",
            "8:year",
            "9:stage",
            "10:budgetType",
            "11:null");
    assertThat(errors.get(0)).containsEntry("value", "159999");
    assertThat((String) errors.get(2).get("detail")).contains("revenue");
    assertThat(itemCount()).isZero();
    assertThat(version("fiscal-general-public")).isEqualTo(versionBefore);
    assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
  }

  @Test
  void duplicateKeysAndDoubleCountingAreReported() {
    assertThat(
            loadFiscal(HEADER + "2024,150603,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,5.00\n")
                .statusCode())
        .isEqualTo(200);
    String file =
        HEADER
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n"
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,2.00\n" // duplicate of row 2
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,20503,3.00\n"
            + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050302,4.00\n" // under 20503 above
            + "2024,150603,GENERAL_PUBLIC,FINAL,EXPENDITURE,20502,4.00\n"; // over a loaded 项
    HttpResponse<String> response = loadFiscal(file);
    assertThat(response.statusCode()).isEqualTo(400);
    List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
    assertThat(errors).extracting(e -> e.get("row")).contains(3, 4, 5, 6);
    assertThat(errors)
        .filteredOn(e -> e.get("row").equals(3))
        .first()
        .satisfies(
            e -> assertThat((String) e.get("detail")).contains("duplicate key").contains("row 2"));
    assertThat(errors)
        .filteredOn(e -> e.get("row").equals(6))
        .first()
        .satisfies(e -> assertThat((String) e.get("detail")).contains("count twice"));
    assertThat(itemCount()).isEqualTo(1);
  }

  @Test
  void theHeaderMustNameTheColumns() {
    HttpResponse<String> response =
        loadFiscal(
            "year,region,budgetType,stage,direction,classification,amout\n2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .containsExactly("amount", "amout");
    assertThat(JsonPath.<List<Integer>>read(response.body(), "$.errors[*].row")).containsOnly(1);
  }

  @Test
  void excelStyleGbkFileWithChineseNamesAndBomLoads() throws Exception {
    Charset gbk = Charset.forName("GBK");
    String file =
        HEADER
            + "2024,150602,一般公共预算,决算,支出,2080505,12045.30\n2024,150602,政府性基金预算,预算,支出,2120802,800\n";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/fiscal/items/bulk")))
                    .header("Content-Type", "text/csv; charset=GBK")
                    .header("Authorization", TestTokens.bearer("key_pub", Role.PUBLISHER))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file.getBytes(gbk)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            loadFiscal(
                    "\uFEFF"
                        + HEADER
                        + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n")
                .statusCode())
        .isEqualTo(200);
    assertThat(itemCount()).isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select budget_type || '/' || stage from fiscal_item where classification_code = '2120802'")
                .query(String.class)
                .single())
        .isEqualTo("GOVERNMENT_FUND/BUDGET");
  }

  @Test
  void aBodyThatIsNotCsvIs415() {
    HttpResponse<String> response =
        Http.send(
            "POST",
            url("/fiscal/items/bulk"),
            "{}",
            "Content-Type",
            "application/json",
            "Authorization",
            TestTokens.bearer("key_pub", Role.PUBLISHER));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void malformedCsvIs400NotA500() {
    HttpResponse<String> unterminatedQuote =
        loadFiscal(HEADER + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,\"2050202,1.00\n");
    assertThat(unterminatedQuote.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(unterminatedQuote.body(), "$.detail"))
        .contains("not valid CSV");
    HttpResponse<String> junkAfterQuote =
        loadFiscal(HEADER + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,\"2050202\"x,1.00\n");
    assertThat(junkAfterQuote.statusCode()).isEqualTo(400);
    assertThat(itemCount()).isZero();
  }

  @Test
  void anEmptyFileIsRejected() {
    HttpResponse<String> response = loadFiscal("");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  private long itemCount() {
    return jdbc.sql("select count(*) from fiscal_item").query(Long.class).single();
  }

  private long version(String dataset) {
    return jdbc.sql("select version from dataset where id = ?")
        .param(dataset)
        .query(Long.class)
        .single();
  }
}
