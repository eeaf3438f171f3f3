package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** {@code /fiscal/three-public-expenses}: 三公经费 rows, their total, filters, order and CSV. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreePublicExpensesIntegrationTest extends CatalogIntegrationTest {

  private static final List<String> REGIONS = List.of("150600", "150602", "150700");
  private static final List<String> STAGES = List.of("BUDGET", "FINAL");

  /**
   * Two years × three regions × two stages, each amount derived from its row so that every row is
   * different: 鄂尔多斯市 and its 东胜区, and 呼伦贝尔市 outside that subtree.
   */
  @BeforeAll
  void ordosDongshengAndHulunbuir() {
    resetData();
    for (int year : List.of(2023, 2024)) {
      for (int r = 0; r < REGIONS.size(); r++) {
        for (int s = 0; s < STAGES.size(); s++) {
          int base = (year - 2020) * 1000 + r * 100 + s * 10;
          jdbc.sql(
                  "insert into three_public_expense (year, region_code, stage, overseas_travel,"
                      + " vehicle_purchase, vehicle_operation, official_reception)"
                      + " values (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  year,
                  REGIONS.get(r),
                  STAGES.get(s),
                  amount(base + 1),
                  amount(base + 2),
                  amount(base + 3),
                  amount(base + 4))
              .update();
        }
      }
    }
  }

  @Test
  void finalFiguresOfOrdosAndItsDistrictsWithTheirTotal() {
    HttpResponse<String> response =
        get(
            "/fiscal/three-public-expenses?year=2024&region=150600&includeSubregions=true"
                + "&stage=FINAL");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<Map<String, Object>> rows = JsonPath.read(response.body(), "$.data");
    assertThat(rows).extracting(r -> r.get("regionCode")).containsExactly("150600", "150602");
    Map<String, Object> ordos = rows.get(0);
    assertThat(ordos)
        .containsEntry("year", 2024)
        .containsEntry("regionName", "鄂尔多斯市")
        .containsEntry("stage", "FINAL")
        .containsEntry("overseasTravel", "4011.00")
        .containsEntry("vehiclePurchase", "4012.00")
        .containsEntry("vehicleOperation", "4013.00")
        .containsEntry("officialReception", "4014.00")
        .containsEntry("total", "16050.00")
        .containsEntry("unit", "万元")
        .containsKey("modified");
    assertThat(rows.get(1)).containsEntry("regionName", "东胜区").containsEntry("total", "16450.00");
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.total")).isEqualTo(2);
    assertThat(JsonPath.<String>read(response.body(), "$.meta.labels.total.zh")).isEqualTo("合计");
  }

  @Test
  void sortedByTotalAndPaged() {
    HttpResponse<String> response =
        get("/fiscal/three-public-expenses?yearFrom=2023&sort=-total&page=1&size=5");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.total")).isEqualTo(12);
    List<String> totals = JsonPath.read(response.body(), "$.data[*].total");
    assertThat(totals).hasSize(5);
    assertThat(totals.stream().map(BigDecimal::new).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    // page 0 holds the five largest (2024: 呼伦贝尔市, 东胜区, 鄂尔多斯市's 决算); then its 预算
    assertThat(new BigDecimal(totals.get(0))).isEqualByComparingTo("16010.00");
    assertThat(JsonPath.<String>read(response.body(), "$.links.prev")).endsWith("page=0&size=5");
  }

  @Test
  void csvHasEveryMatchingRowWithBom() {
    HttpResponse<String> csv = get("/fiscal/three-public-expenses?region=150700&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("X-Total-Count")).hasValue("4");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "\uFEFFyear,regionCode,regionName,stage,overseasTravel,vehiclePurchase,"
                + "vehicleOperation,officialReception,total,unit,modified");
    assertThat(lines).hasSize(5);
    assertThat(lines[1])
        .startsWith("2023,150700,呼伦贝尔市,BUDGET,3201.00,3202.00,3203.00,3204.00,12810.00,万元,");
  }

  @Test
  void etagAnswers304WhileUnchanged() {
    String query = "/fiscal/three-public-expenses?year=2023";
    String etag = get(query).headers().firstValue("ETag").orElseThrow();
    assertThat(get(query, "If-None-Match", etag).statusCode()).isEqualTo(304);
  }

  private static BigDecimal amount(int value) {
    return BigDecimal.valueOf(value).setScale(2);
  }
}
