package org.opengovdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsDemoTest {

  private final FiscalDemo fiscal = new FiscalDemo(1L, 1, 2015, 2025);

  @Test
  void versionsOfAValueFormAnUnbrokenChain() {
    Map<String, List<StatisticsDemo.Version>> byKey = new LinkedHashMap<>();
    new StatisticsDemo(1L, 2015, 2025, fiscal.regions())
        .observations(
            v ->
                byKey
                    .computeIfAbsent(
                        v.indicator() + v.region() + v.period(), k -> new ArrayList<>())
                    .add(v));
    assertThat(byKey).hasSizeGreaterThan(10_000);
    byKey.forEach(
        (key, versions) -> {
          for (int i = 0; i < versions.size(); i++) {
            StatisticsDemo.Version v = versions.get(i);
            assertThat(v.publishedOn()).as(key).isAfterOrEqualTo(v.periodStart());
            assertThat(v.publishedOn()).isBeforeOrEqualTo(LocalDate.of(2026, 10, 31));
            if (i + 1 < versions.size()) {
              assertThat(v.supersededOn()).as(key).isEqualTo(versions.get(i + 1).publishedOn());
            } else {
              assertThat(v.supersededOn()).as(key).isNull();
            }
          }
        });
  }

  @Test
  void gdpUpTo2018WasRevisedAfterTheEconomicCensus() {
    List<StatisticsDemo.Version> gdp2017 = new ArrayList<>();
    new StatisticsDemo(1L, 2015, 2025, fiscal.regions())
        .observations(
            v -> {
              if (v.indicator().equals("GDP")
                  && v.region().equals("150000")
                  && v.period().equals("2017")) {
                gdp2017.add(v);
              }
            });
    assertThat(gdp2017)
        .extracting(StatisticsDemo.Version::status)
        .containsExactly("PRELIMINARY", "FINAL", "REVISED");
  }
}
