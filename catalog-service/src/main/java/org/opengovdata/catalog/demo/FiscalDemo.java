package org.opengovdata.catalog.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;
import org.opengovdata.catalog.fiscal.BudgetType;
import org.opengovdata.catalog.fiscal.Direction;
import org.opengovdata.catalog.fiscal.Stage;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceCsv;

/**
 * Invented but plausible budgets of the 121 regions: a size per region, a growth rate, rough shares
 * per 类 ({@code demo/fiscal-profile.csv}), and stages that relate as in practice — the adjusted
 * budget mostly equals the budget or exceeds it, the final account executes 86–101 % of expenditure
 * and 96–107 % of revenue, and the reserve fund (预备费, 227) has no final figure because it is spent
 * through other items. Deterministic for a seed.
 *
 * <p>Detail by scale: at 1 the 自治区 and 盟/市 publish to 项 and the 旗/县/区 only by 类 (their items are
 * the sums of what 项 detail would have been); at 2 every region publishes to 项; each step above
 * adds one synthetic 项 per 款 (benchmark volume).
 */
final class FiscalDemo {

  /** A classification code line items are generated for. */
  record Leaf(
      String code,
      String name,
      BudgetType budget,
      Direction direction,
      double weight,
      boolean synthetic) {}

  /** One generated line item; amount in 分 (0.01 万元). */
  record Item(
      int year,
      String region,
      BudgetType budget,
      Stage stage,
      Direction direction,
      String code,
      long cents) {}

  /** One generated 三公 row, amounts in 分 of 万元. */
  record ThreePublic(
      int year,
      String region,
      Stage stage,
      long overseas,
      long purchase,
      long operation,
      long reception) {}

  record DemoRegion(String code, String name, String level) {

    boolean county() {
      return "county".equals(level);
    }
  }

  private static final Map<BudgetType, Double> BUDGET_SIZE =
      Map.of(
          BudgetType.GENERAL_PUBLIC, 1.0,
          BudgetType.GOVERNMENT_FUND, 0.35,
          BudgetType.STATE_CAPITAL, 0.03,
          BudgetType.SOCIAL_INSURANCE, 0.5);

  private final Noise noise;
  private final int scale;
  private final int fromYear;
  private final int toYear;
  private final List<DemoRegion> regions;
  private final Map<String, String> names;
  private final List<Leaf> leaves;

  FiscalDemo(long seed, int scale, int fromYear, int toYear) {
    this.noise = new Noise(seed);
    this.scale = scale;
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.regions =
        ReferenceCsv.read(ReferenceCsv.REGIONS).stream()
            .map(r -> new DemoRegion(r.get("code"), r.get("name"), r.get("level")))
            .toList();
    this.names = new TreeMap<>();
    ReferenceCsv.read(ReferenceCsv.EXPENDITURE_FUNCTIONS)
        .forEach(r -> names.put(r.get("code"), r.get("name")));
    ReferenceCsv.read(ReferenceCsv.CLASSIFICATION_DETAIL)
        .forEach(r -> names.put(r.get("code"), r.get("name")));
    this.leaves = leaves(noise, names, scale);
  }

  List<DemoRegion> regions() {
    return regions;
  }

  List<Leaf> leaves() {
    return leaves;
  }

  /** Codes that exist only in this generated data (scale 3 and more). */
  List<Classification> syntheticClassifications() {
    return leaves.stream()
        .filter(Leaf::synthetic)
        .map(
            l ->
                new Classification(
                    l.code(),
                    l.name(),
                    Classification.levelOf(l.code()),
                    Classification.parentOf(l.code()),
                    l.direction() == Direction.REVENUE,
                    true))
        .toList();
  }

  void items(Consumer<Item> sink) {
    for (DemoRegion region : regions) {
      boolean byClass = scale == 1 && region.county();
      for (BudgetType budget : BudgetType.values()) {
        if (region.county()
            && (budget == BudgetType.SOCIAL_INSURANCE || budget == BudgetType.STATE_CAPITAL)) {
          continue; // pooled at 盟/市 level; counties have none
        }
        for (Direction direction : Direction.values()) {
          List<Leaf> group =
              leaves.stream()
                  .filter(l -> l.budget() == budget && l.direction() == direction)
                  .toList();
          double total = group.stream().mapToDouble(Leaf::weight).sum();
          for (int year = fromYear; year <= toYear; year++) {
            Map<String, long[]> byCode = new LinkedHashMap<>();
            for (Leaf leaf : group) {
              long[] stages = stages(region, budget, direction, leaf, total, year);
              String code = byClass ? leaf.code().substring(0, 3) : leaf.code();
              long[] sum = byCode.computeIfAbsent(code, c -> new long[] {0, 0, -1});
              sum[0] += stages[0];
              sum[1] += stages[1];
              if (stages[2] >= 0) {
                sum[2] = Math.max(sum[2], 0) + stages[2];
              }
            }
            int y = year;
            byCode.forEach(
                (code, s) -> {
                  sink.accept(
                      new Item(y, region.code(), budget, Stage.BUDGET, direction, code, s[0]));
                  sink.accept(
                      new Item(y, region.code(), budget, Stage.ADJUSTED, direction, code, s[1]));
                  if (s[2] >= 0) {
                    sink.accept(
                        new Item(y, region.code(), budget, Stage.FINAL, direction, code, s[2]));
                  }
                });
          }
        }
      }
    }
  }

  void threePublic(Consumer<ThreePublic> sink) {
    for (DemoRegion region : regions) {
      double base = regionSize(region) * 0.0012;
      for (int year = fromYear; year <= toYear; year++) {
        // 八项规定: 三公经费 fall year after year; travel stops during the pandemic.
        double trend = Math.pow(0.96, year - fromYear);
        double travel = (year >= 2020 && year <= 2022) ? 0.05 : 1.0;
        long[] budget = {
          cents(base * 0.06 * trend * travel * noise.between(0.6, 1.4, region.code(), year, "o")),
          cents(base * 0.12 * trend * noise.between(0.0, 2.0, region.code(), year, "p")),
          cents(base * 0.45 * trend * noise.between(0.8, 1.2, region.code(), year, "r")),
          cents(base * 0.37 * trend * noise.between(0.8, 1.2, region.code(), year, "e"))
        };
        sink.accept(
            new ThreePublic(
                year, region.code(), Stage.BUDGET, budget[0], budget[1], budget[2], budget[3]));
        long[] spent = new long[4];
        for (int i = 0; i < 4; i++) {
          spent[i] = Math.round(budget[i] * noise.between(0.78, 0.99, region.code(), year, "f", i));
        }
        sink.accept(
            new ThreePublic(
                year, region.code(), Stage.FINAL, spent[0], spent[1], spent[2], spent[3]));
      }
    }
  }

  /** {budget, adjusted, final (-1 when none)} in 分 of 万元. */
  private long[] stages(
      DemoRegion region,
      BudgetType budget,
      Direction direction,
      Leaf leaf,
      double total,
      int year) {
    String r = region.code();
    double growth = Math.pow(1 + noise.between(0.03, 0.09, r, "growth"), year - 2015);
    double pandemic = year == 2020 ? (direction == Direction.REVENUE ? 0.93 : 1.04) : 1.0;
    double amount =
        regionSize(region)
            * BUDGET_SIZE.get(budget)
            * leaf.weight()
            / total
            * noise.between(0.5, 1.5, r, leaf.code())
            * growth
            * pandemic
            * noise.between(0.94, 1.06, r, leaf.code(), year);
    long planned = Math.max(100, cents(amount));
    double adjustment =
        noise.unit(r, leaf.code(), year, "adj") < 0.5
            ? 0
            : noise.between(-0.08, 0.25, r, leaf.code(), year, "adj-size");
    long adjusted = Math.max(100, Math.round(planned * (1 + adjustment)));
    if ("227".equals(leaf.code())) {
      return new long[] {planned, adjusted, -1};
    }
    double execution =
        direction == Direction.REVENUE
            ? noise.between(0.96, 1.07, r, leaf.code(), year, "exec")
            : noise.between(0.86, 1.01, r, leaf.code(), year, "exec");
    return new long[] {planned, adjusted, Math.max(100, Math.round(adjusted * execution))};
  }

  /** General public expenditure of the region's own level in 2015, in 万元. */
  private double regionSize(DemoRegion region) {
    return switch (region.level()) {
      case "province" -> 9_000_000 * noise.between(0.9, 1.1, region.code(), "size");
      case "prefecture" -> 1_000_000 * noise.between(0.6, 2.2, region.code(), "size");
      default ->
          (region.name().contains("开发区") ? 60_000 : 250_000)
              * noise.between(0.4, 1.6, region.code(), "size");
    };
  }

  private static long cents(double wan) {
    return Math.round(wan * 100);
  }

  private static List<Leaf> leaves(Noise noise, Map<String, String> names, int scale) {
    Map<String, String[]> profile = new LinkedHashMap<>();
    for (CSVRecord row : ReferenceCsv.read("demo/fiscal-profile.csv")) {
      profile.put(row.get("prefix"), new String[] {row.get("budget_type"), row.get("weight")});
    }
    Map<String, List<String>> leavesByPrefix = new LinkedHashMap<>();
    for (String code : names.keySet()) {
      boolean leaf =
          names.keySet().stream().noneMatch(o -> o.length() > code.length() && o.startsWith(code));
      if (leaf) {
        leavesByPrefix
            .computeIfAbsent(profilePrefix(profile, code), p -> new ArrayList<>())
            .add(code);
      }
    }
    List<Leaf> leaves = new ArrayList<>();
    Map<String, Integer> synthetic = new TreeMap<>();
    leavesByPrefix.forEach(
        (prefix, codes) -> {
          BudgetType budget = BudgetType.valueOf(profile.get(prefix)[0]);
          double weight = Double.parseDouble(profile.get(prefix)[1]);
          List<String> all = new ArrayList<>(codes);
          if (scale >= 3) {
            codes.stream()
                .filter(c -> c.length() == 7)
                .map(c -> c.substring(0, 5))
                .distinct()
                .forEach(
                    section -> {
                      for (int k = 1; k <= scale - 2; k++) {
                        String code = section + (60 + k);
                        all.add(code);
                        synthetic.put(code, k);
                      }
                    });
          }
          double[] shares =
              all.stream().mapToDouble(c -> noise.between(0.3, 1.7, "share", c)).toArray();
          double sum = java.util.Arrays.stream(shares).sum();
          for (int i = 0; i < all.size(); i++) {
            String code = all.get(i);
            Integer k = synthetic.get(code);
            String name =
                k == null ? names.get(code) : names.get(code.substring(0, 5)) + "（细目" + k + "）";
            leaves.add(
                new Leaf(
                    code,
                    name,
                    budget,
                    Classification.isRevenueCode(code) ? Direction.REVENUE : Direction.EXPENDITURE,
                    weight * shares[i] / sum,
                    k != null));
          }
        });
    return List.copyOf(leaves);
  }

  private static String profilePrefix(Map<String, String[]> profile, String code) {
    String best = null;
    for (String prefix : profile.keySet()) {
      if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no demo profile entry covers classification " + code);
    }
    return best;
  }
}
