package org.opengovdata.catalog.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.opengovdata.catalog.statistics.Period;

/**
 * Invented observations of the indicators in {@code reference/statistical-indicators.csv}, with the
 * publication rhythm of a statistics bureau: annual GDP is published as a preliminary estimate
 * (初步核算) in January, finalised (最终核实) a year later, and the years up to 2018 revised after the
 * fourth economic census (第四次全国经济普查) in January 2020; monthly retail sales are revised once. The
 * 旗/县/区 only have annual indicators. Deterministic for a seed.
 */
final class StatisticsDemo {

  /** One published version of a value. */
  record Version(
      String indicator,
      String region,
      String period,
      LocalDate periodStart,
      LocalDate periodEnd,
      BigDecimal value,
      String status,
      LocalDate publishedOn,
      LocalDate supersededOn) {}

  private static final Set<String> COUNTY_INDICATORS =
      Set.of("GDP", "POPULATION", "URBAN_INCOME", "RURAL_INCOME", "GRAIN_OUTPUT");
  private static final LocalDate CENSUS_REVISION = LocalDate.of(2020, 1, 17);

  private final Noise noise;
  private final int fromYear;
  private final int toYear;
  private final List<FiscalDemo.DemoRegion> regions;
  private final LocalDate publishedUntil;

  StatisticsDemo(long seed, int fromYear, int toYear, List<FiscalDemo.DemoRegion> regions) {
    this.noise = new Noise(seed);
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.regions = regions;
    this.publishedUntil = LocalDate.of(toYear + 1, 10, 31);
  }

  void observations(Consumer<Version> sink) {
    for (FiscalDemo.DemoRegion region : regions) {
      for (String indicator : indicators()) {
        if (region.county() && !COUNTY_INDICATORS.contains(indicator)) {
          continue;
        }
        emit(region, indicator, sink);
      }
    }
  }

  static List<String> indicators() {
    return List.of(
        "GDP",
        "GDP_GROWTH",
        "POPULATION",
        "URBANIZATION",
        "CPI",
        "RETAIL_SALES",
        "INDUSTRY_GROWTH",
        "FAI_GROWTH",
        "URBAN_INCOME",
        "RURAL_INCOME",
        "GRAIN_OUTPUT",
        "UNEMPLOYMENT");
  }

  private void emit(FiscalDemo.DemoRegion region, String indicator, Consumer<Version> sink) {
    String r = region.code();
    double size = size(region);
    for (int year = fromYear; year <= toYear; year++) {
      int t = year - 2015;
      switch (indicator) {
        case "GDP" -> {
          double value =
              17_000
                  * size
                  * Math.pow(1 + noise.between(0.03, 0.08, r, "gdp"), t)
                  * noise.between(0.97, 1.03, r, year, "gdp");
          List<Object[]> versions = new ArrayList<>();
          versions.add(new Object[] {"PRELIMINARY", LocalDate.of(year + 1, 1, 25), value});
          double finalValue = value * noise.between(0.985, 1.015, r, year, "gdp-final");
          if (year != 2018) {
            // 2018 was verified together with the census revision below
            versions.add(new Object[] {"FINAL", LocalDate.of(year + 2, 1, 20), finalValue});
          }
          if (year <= 2018) {
            versions.add(
                new Object[] {
                  "REVISED",
                  CENSUS_REVISION,
                  finalValue * noise.between(0.9, 0.99, r, year, "census")
                });
          }
          publish(sink, indicator, r, Integer.toString(year), versions, 2);
        }
        case "POPULATION" ->
            annual(
                sink,
                indicator,
                r,
                year,
                2_400 * size * (1 - 0.002 * t) * noise.between(0.98, 1.02, r, "pop"),
                2);
        case "URBANIZATION" ->
            annual(
                sink,
                indicator,
                r,
                year,
                Math.min(96, noise.between(45, 85, r, "urb") + 0.9 * t),
                2);
        case "URBAN_INCOME" ->
            annual(
                sink,
                indicator,
                r,
                year,
                30_594 * noise.between(0.8, 1.25, r, "ui") * Math.pow(1.06, t),
                0);
        case "RURAL_INCOME" ->
            annual(
                sink,
                indicator,
                r,
                year,
                10_776 * noise.between(0.8, 1.3, r, "ri") * Math.pow(1.08, t),
                0);
        case "GRAIN_OUTPUT" ->
            publish(
                sink,
                indicator,
                r,
                Integer.toString(year),
                List.<Object[]>of(
                    new Object[] {
                      "FINAL",
                      LocalDate.of(year, 12, 15),
                      2_800
                          * size
                          * noise.between(0.2, 2.0, r, "grain")
                          * (1 + 0.035 * t)
                          * noise.between(0.92, 1.08, r, year, "grain")
                    }),
                1);
        case "GDP_GROWTH" -> {
          for (int q = 1; q <= 4; q++) {
            double growth =
                year == 2020
                    ? new double[] {-6.5, -2.0, 0.3, 0.2}[q - 1]
                    : noise.between(3.0, 7.5, r, year, q, "g");
            LocalDate released = YearMonth.of(year, 3 * q).atEndOfMonth().plusDays(25);
            publish(
                sink,
                indicator,
                r,
                year + "Q" + q,
                List.of(
                    new Object[] {"PRELIMINARY", released, growth},
                    new Object[] {
                      "FINAL", released.plusYears(1), growth + noise.between(-0.3, 0.3, r, year, q)
                    }),
                1);
          }
        }
        case "UNEMPLOYMENT" -> {
          for (int q = 1; q <= 4; q++) {
            publish(
                sink,
                indicator,
                r,
                year + "Q" + q,
                List.<Object[]>of(
                    new Object[] {
                      "FINAL",
                      YearMonth.of(year, 3 * q).atEndOfMonth().plusDays(20),
                      noise.between(3.0, 4.2, r, year, q, "u")
                    }),
                2);
          }
        }
        default -> monthly(sink, indicator, region, size, year);
      }
    }
  }

  private void monthly(
      Consumer<Version> sink,
      String indicator,
      FiscalDemo.DemoRegion region,
      double size,
      int year) {
    String r = region.code();
    for (int m = 1; m <= 12; m++) {
      String period = "%d-%02d".formatted(year, m);
      LocalDate released = YearMonth.of(year, m).atEndOfMonth().plusDays(15);
      switch (indicator) {
        case "CPI" ->
            publish(
                sink,
                indicator,
                r,
                period,
                List.<Object[]>of(
                    new Object[] {
                      "FINAL", released, noise.between(99.0, 103.0, r, year, m, "cpi")
                    }),
                1);
        case "RETAIL_SALES" -> {
          double season = (m == 1 || m == 2 || m == 12) ? 1.25 : 1.0;
          double value =
              450
                  * size
                  * season
                  * Math.pow(1.05, year - 2015)
                  * (year == 2020 && m <= 4 ? 0.8 : 1.0)
                  * noise.between(0.9, 1.1, r, year, m, "retail");
          publish(
              sink,
              indicator,
              r,
              period,
              List.of(
                  new Object[] {"PRELIMINARY", released, value},
                  new Object[] {
                    "FINAL", released.plusMonths(1), value * noise.between(0.99, 1.01, r, year, m)
                  }),
              2);
        }
        case "INDUSTRY_GROWTH" ->
            publish(
                sink,
                indicator,
                r,
                period,
                List.<Object[]>of(
                    new Object[] {"FINAL", released, noise.between(1.5, 11.0, r, year, m, "ind")}),
                1);
        default ->
            publish(
                sink,
                indicator,
                r,
                period,
                List.<Object[]>of(
                    new Object[] {
                      "FINAL", released, noise.between(-15.0, 18.0, r, year, m, "fai")
                    }),
                1);
      }
    }
  }

  private void annual(
      Consumer<Version> sink, String indicator, String region, int year, double value, int scale) {
    publish(
        sink,
        indicator,
        region,
        Integer.toString(year),
        List.of(
            new Object[] {"PRELIMINARY", LocalDate.of(year + 1, 3, 15), value},
            new Object[] {
              "FINAL",
              LocalDate.of(year + 1, 10, 15),
              value * noise.between(0.995, 1.005, region, year, indicator)
            }),
        scale);
  }

  /** Emits the versions published by {@link #publishedUntil}, each superseded by the next. */
  private void publish(
      Consumer<Version> sink,
      String indicator,
      String region,
      String period,
      List<Object[]> versions,
      int scale) {
    Period p = Period.parse(period);
    List<Object[]> published =
        versions.stream().filter(v -> !((LocalDate) v[1]).isAfter(publishedUntil)).toList();
    for (int i = 0; i < published.size(); i++) {
      Object[] v = published.get(i);
      LocalDate superseded = i + 1 < published.size() ? (LocalDate) published.get(i + 1)[1] : null;
      sink.accept(
          new Version(
              indicator,
              region,
              period,
              p.start(),
              p.end(),
              BigDecimal.valueOf((double) v[2]).setScale(scale, RoundingMode.HALF_UP),
              (String) v[0],
              (LocalDate) v[1],
              superseded));
    }
  }

  /** The region's share of the 自治区 (1 for the 自治区 itself). */
  private double size(FiscalDemo.DemoRegion region) {
    return switch (region.level()) {
      case "province" -> 1.0;
      case "prefecture" -> noise.between(0.03, 0.22, region.code(), "share");
      default -> noise.between(0.002, 0.02, region.code(), "share");
    };
  }
}
