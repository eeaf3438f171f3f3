package org.opengovdata.catalog.fiscal;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;

/** Realistic line items for tests: every leaf classification, seeded random amounts. */
final class FiscalTestData {

  static final String HEADER = "year,region,budgetType,stage,direction,classification,amount\n";

  private FiscalTestData() {}

  /** Leaves of the reference classification (codes without sub-codes). */
  static List<Classification> leaves(ReferenceData reference) {
    List<String> codes = reference.classifications().stream().map(Classification::code).toList();
    return reference.classifications().stream()
        .filter(c -> !c.synthetic())
        .filter(
            c ->
                codes.stream()
                    .noneMatch(o -> o.length() > c.code().length() && o.startsWith(c.code())))
        .toList();
  }

  static BudgetType budgetOf(String code) {
    for (var rule :
        Map.of(
                "209", BudgetType.SOCIAL_INSURANCE,
                "102", BudgetType.SOCIAL_INSURANCE,
                "223", BudgetType.STATE_CAPITAL,
                "10306", BudgetType.STATE_CAPITAL,
                "21208", BudgetType.GOVERNMENT_FUND,
                "22960", BudgetType.GOVERNMENT_FUND,
                "10301", BudgetType.GOVERNMENT_FUND)
            .entrySet()) {
      if (code.startsWith(rule.getKey())) {
        return rule.getValue();
      }
    }
    return BudgetType.GENERAL_PUBLIC;
  }

  /** CSV of every leaf × stage for these regions and years. */
  static String csv(ReferenceData reference, List<String> regions, List<Integer> years, long seed) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder(HEADER);
    for (String region : regions) {
      for (int year : years) {
        for (Classification leaf : leaves(reference)) {
          for (Stage stage : Stage.values()) {
            long cents = 1_000 + (long) (random.nextDouble() * 500_000_000L);
            csv.append(year)
                .append(',')
                .append(region)
                .append(',')
                .append(budgetOf(leaf.code()))
                .append(',')
                .append(stage)
                .append(',')
                .append(leaf.revenue() ? "REVENUE" : "EXPENDITURE")
                .append(',')
                .append(leaf.code())
                .append(',')
                .append(BigDecimal.valueOf(cents, 2).toPlainString())
                .append('\n');
          }
        }
      }
    }
    return csv.toString();
  }

  /** Every row of a list resource, following {@code meta.nextCursor}. */
  static List<Map<String, Object>> all(
      Function<String, HttpResponse<String>> get, String pathAndQuery) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String cursor = null;
    do {
      String page = pathAndQuery + "&size=1000" + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> response = get.apply(page);
      if (response.statusCode() != 200) {
        throw new AssertionError(response.statusCode() + " " + response.body());
      }
      rows.addAll(JsonPath.read(response.body(), "$.data"));
      List<String> next = JsonPath.read(response.body(), "$.meta[?(@.nextCursor)].nextCursor");
      cursor = next.isEmpty() ? null : next.get(0);
    } while (cursor != null);
    return rows;
  }
}
