package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The aggregates reconcile exactly with the line items they sum (the "done when"). The
 * expected sums come from SQL written here, independently of the service's filters, and the data
 * includes regions outside the queried subtree (呼伦贝尔市 and one of its districts, and the 自治区 above
 * 鄂尔多斯市): a region filter that were ignored or widened would add their amounts and fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiscalSummaryIntegrationTest extends CatalogIntegrationTest {

  /** 鄂尔多斯市 and its 旗/区, as the region table says — not as the service computes it. */
  private static final String ORDOS_SUBTREE =
      "region_code in (select code from region where code = '150600' or parent_code = '150600')";

  @Autowired ReferenceData reference;

  @BeforeAll
  void loadTwoYearsOfOrdosTwoOfItsCountiesAndRegionsOutsideIt() {
    resetData();
    HttpResponse<String> load =
        loadFiscal(
            FiscalTestData.csv(
                reference, List.of("150600", "150602", "150621"), List.of(2023, 2024), 42));
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
    HttpResponse<String> outside =
        loadFiscal(
            FiscalTestData.csv(
                reference, List.of("150000", "150700", "150702"), List.of(2023, 2024), 43));
    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(200);
    assertThat(items("not " + ORDOS_SUBTREE))
        .as("rows outside the subtree")
        .hasSizeGreaterThan(3000);
  }

  @Test
  void summaryOfOrdosFinalExpenditureByClassHasOneRowPerClassEqualToTheSumOfItsItems() {
    String filter =
        "year=2024&region=150600&budgetType=GENERAL_PUBLIC&stage=FINAL&direction=EXPENDITURE";
    HttpResponse<String> summary =
        get("/fiscal/summary?" + filter + "&groupBy=classification&level=1&size=1000");
    assertThat(summary.statusCode()).isEqualTo(200);

    List<Map<String, Object>> items =
        items(
            "year = 2024 and region_code = '150600' and budget_type = 'GENERAL_PUBLIC'"
                + " and stage = 'FINAL' and direction = 'EXPENDITURE'");
    Map<String, BigDecimal> expected =
        sumBy(items, i -> ((String) i.get("classificationCode")).substring(0, 3));
    Map<String, Long> counts =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    i -> ((String) i.get("classificationCode")).substring(0, 3),
                    TreeMap::new,
                    Collectors.counting()));

    List<Map<String, Object>> rows = JsonPath.read(summary.body(), "$.data");
    assertThat(rows).hasSize(expected.size()).hasSizeGreaterThan(20);
    for (Map<String, Object> row : rows) {
      String key = (String) row.get("key");
      assertThat(key).hasSize(3);
      assertThat(new BigDecimal((String) row.get("amount")))
          .as(key)
          .isEqualByComparingTo(expected.get(key));
      assertThat(((Number) row.get("itemCount")).longValue()).isEqualTo(counts.get(key));
      assertThat(row.get("unit")).isEqualTo("万元");
      assertThat(row.get("level")).isEqualTo(1);
    }
    assertThat(rows)
        .anySatisfy(r -> assertThat(r).containsEntry("key", "205").containsEntry("name", "教育支出"));
  }

  @Test
  void everyGroupingAndLevelAddsUpToTheSameItems() {
    String filter =
        "region=150600&includeSubregions=true&yearFrom=2023&yearTo=2024&direction=EXPENDITURE";
    String where = ORDOS_SUBTREE + " and year between 2023 and 2024 and direction = 'EXPENDITURE'";
    String oneBudgetAndStage = filter + "&budgetType=GENERAL_PUBLIC&stage=FINAL";
    List<Map<String, Object>> items =
        items(where + " and budget_type = 'GENERAL_PUBLIC' and stage = 'FINAL'");
    assertThat(items).hasSizeGreaterThan(500);
    BigDecimal total = sumBy(items, i -> "all").get("all");

    for (int level = 1; level <= 3; level++) {
      int length = 2 * level + 1;
      Map<String, BigDecimal> expected =
          sumBy(
              items,
              i -> {
                String code = (String) i.get("classificationCode");
                return code.length() > length ? code.substring(0, length) : code;
              });
      assertThat(summary(oneBudgetAndStage + "&groupBy=classification&level=" + level))
          .isEqualTo(expected);
    }
    assertThat(summary(oneBudgetAndStage + "&groupBy=region"))
        .isEqualTo(sumBy(items, i -> (String) i.get("regionCode")))
        .containsOnlyKeys("150600", "150602", "150621");
    assertThat(summary(oneBudgetAndStage + "&groupBy=year"))
        .isEqualTo(sumBy(items, i -> String.valueOf(i.get("year"))));
    assertThat(
            summary(oneBudgetAndStage + "&groupBy=year").values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);

    List<Map<String, Object>> finals = items(where + " and stage = 'FINAL'");
    assertThat(summary(filter + "&stage=FINAL&groupBy=budgetType"))
        .isEqualTo(sumBy(finals, i -> (String) i.get("budgetType")))
        .hasSizeGreaterThan(1);
    List<Map<String, Object>> all = items(where);
    assertThat(summary(filter + "&groupBy=stage,budgetType"))
        .isEqualTo(sumBy(all, i -> i.get("stage") + "/" + i.get("budgetType")))
        .hasSizeGreaterThan(3);
    assertThat(summary(filter + "&budgetType=GENERAL_PUBLIC&groupBy=year,stage"))
        .isEqualTo(
            sumBy(
                all.stream().filter(i -> "GENERAL_PUBLIC".equals(i.get("budgetType"))).toList(),
                i -> i.get("year") + "/" + i.get("stage")))
        .containsKeys("2023/BUDGET", "2024/FINAL");
  }

  @Test
  void figuresOfDifferentStagesBudgetsOrDirectionsAreNeverAddedTogether() {
    String base = "/fiscal/summary?year=2024&region=150600&groupBy=classification";
    assertRefused(base, "stage", "预算, 调整预算 and 决算");
    assertRefused(base + "&stage=FINAL", "budgetType", "四本预算");
    assertRefused(base + "&stage=FINAL&budgetType=GENERAL_PUBLIC", "direction", "revenue");
    assertRefused("/fiscal/execution?year=2024&region=150600", "budgetType", "四本预算");
    assertRefused("/fiscal/execution?year=2024&budgetType=GENERAL_PUBLIC", "direction", "revenue");
    assertRefused(base + ",classification&stage=FINAL", "groupBy", "twice");
    assertRefused(
        base + ",stage,direction&budgetType=GENERAL_PUBLIC", "groupBy", "between 1 and 2");

    HttpResponse<String> grouped =
        get(base.replace("classification", "stage,direction") + "&budgetType=GENERAL_PUBLIC");
    assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(200);
    List<Map<String, Object>> rows = JsonPath.read(grouped.body(), "$.data");
    assertThat(rows).hasSize(6);
    for (Map<String, Object> row : rows) {
      assertThat(row.get("stage")).isEqualTo(row.get("key"));
      assertThat(row.get("direction")).isEqualTo(row.get("subKey"));
      assertThat(row.get("budgetType")).isEqualTo("GENERAL_PUBLIC");
      assertThat(row.get("subName")).isIn("收入", "支出");
    }
  }

  private void assertRefused(String path, String parameter, String reason) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(400);
    assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter"))
        .isEqualTo(parameter);
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains(reason);
  }

  @Test
  void executionComparesBudgetAdjustedAndFinalPerClass() {
    String filter = "year=2024&region=150602&budgetType=GENERAL_PUBLIC&direction=EXPENDITURE";
    List<Map<String, Object>> items =
        items(
            "year = 2024 and region_code = '150602' and budget_type = 'GENERAL_PUBLIC'"
                + " and direction = 'EXPENDITURE'");
    Function<String, Map<String, BigDecimal>> stage =
        s ->
            sumBy(
                items.stream().filter(i -> s.equals(i.get("stage"))).toList(),
                i -> ((String) i.get("classificationCode")).substring(0, 3));

    HttpResponse<String> response = get("/fiscal/execution?" + filter + "&level=1&size=1000");
    assertThat(response.statusCode()).isEqualTo(200);
    List<Map<String, Object>> rows = JsonPath.read(response.body(), "$.data");
    assertThat(rows).hasSize(stage.apply("BUDGET").size());
    for (Map<String, Object> row : rows) {
      String code = (String) row.get("classificationCode");
      BigDecimal budget = new BigDecimal((String) row.get("budget"));
      BigDecimal adjusted = new BigDecimal((String) row.get("adjusted"));
      BigDecimal fin = new BigDecimal((String) row.get("final"));
      assertThat(budget).isEqualByComparingTo(stage.apply("BUDGET").get(code));
      assertThat(adjusted).isEqualByComparingTo(stage.apply("ADJUSTED").get(code));
      assertThat(fin).isEqualByComparingTo(stage.apply("FINAL").get(code));
      assertThat(new BigDecimal((String) row.get("executionRate")))
          .isEqualByComparingTo(
              fin.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP));
      assertThat(new BigDecimal((String) row.get("adjustedExecutionRate")))
          .isEqualByComparingTo(
              fin.multiply(BigDecimal.valueOf(100)).divide(adjusted, 2, RoundingMode.HALF_UP));
    }
  }

  @Test
  void summaryAsCsvHasTheSameRowsAsJson() {
    String filter = "year=2024&region=150600&stage=FINAL&direction=EXPENDITURE&groupBy=budgetType";
    String query = "/fiscal/summary?" + filter;
    HttpResponse<String> csv = get(query + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    String[] lines = csv.body().substring(1).split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "key,name,level,subKey,subName,budgetType,stage,direction,amount,itemCount,unit");
    Map<String, BigDecimal> fromCsv = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertThat(cells[5]).isEqualTo(cells[0]);
      assertThat(cells[6]).isEqualTo("FINAL");
      fromCsv.put(cells[0], new BigDecimal(cells[8]));
    }
    assertThat(fromCsv).isEqualTo(summary(filter)).hasSizeGreaterThan(1);
  }

  /**
   * The line items {@code where} selects, read by SQL of this test (not through the service's
   * filter), with the keys of the API's JSON.
   */
  private List<Map<String, Object>> items(String where) {
    return jdbc.sql(
            "select year, region_code, budget_type, stage, classification_code, amount::text"
                + " from fiscal_item where "
                + where)
        .query(
            (rs, n) ->
                Map.<String, Object>of(
                    "year", rs.getInt("year"),
                    "regionCode", rs.getString("region_code"),
                    "budgetType", rs.getString("budget_type"),
                    "stage", rs.getString("stage"),
                    "classificationCode", rs.getString("classification_code"),
                    "amount", rs.getString("amount")))
        .list();
  }

  private Map<String, BigDecimal> summary(String query) {
    HttpResponse<String> response = get("/fiscal/summary?" + query + "&size=1000");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<Map<String, Object>> rows = JsonPath.read(response.body(), "$.data");
    Map<String, BigDecimal> sums = new TreeMap<>();
    rows.forEach(
        r -> {
          String key =
              r.get("subKey") == null
                  ? (String) r.get("key")
                  : r.get("key") + "/" + r.get("subKey");
          assertThat(sums.put(key, new BigDecimal((String) r.get("amount")))).as(key).isNull();
        });
    return sums;
  }

  private static Map<String, BigDecimal> sumBy(
      List<Map<String, Object>> items, Function<Map<String, Object>, String> key) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    items.forEach(
        i -> sums.merge(key.apply(i), new BigDecimal((String) i.get("amount")), BigDecimal::add));
    return sums;
  }
}
