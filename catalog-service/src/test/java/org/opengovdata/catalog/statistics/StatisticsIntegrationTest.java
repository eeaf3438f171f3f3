package org.opengovdata.catalog.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** Indicators, observations, and revisions that never overwrite. */
class StatisticsIntegrationTest extends CatalogIntegrationTest {

  private static final String HEADER = "indicator,region,period,value,status,publishedOn\n";

  @BeforeEach
  void emptyCatalogue() {
    resetData();
  }

  @Test
  void indicatorsHaveChineseAndEnglishNamesUnitsAndFrequency() {
    HttpResponse<String> response = get("/statistics/indicators?size=100");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.total")).isEqualTo(12);
    Map<String, Object> gdp =
        JsonPath.<List<Map<String, Object>>>read(response.body(), "$.data[?(@.code=='GDP')]")
            .get(0);
    assertThat(gdp)
        .containsEntry("name", "地区生产总值")
        .containsEntry("nameEn", "Gross regional product")
        .containsEntry("unit", "亿元")
        .containsEntry("frequency", "A");
    assertThat(
            JsonPath.<List<String>>read(
                get("/statistics/indicators?frequency=M").body(), "$.data[*].code"))
        .containsExactlyInAnyOrder("CPI", "RETAIL_SALES", "INDUSTRY_GROWTH", "FAI_GROWTH");
    assertThat(
            JsonPath.<List<String>>read(
                get("/statistics/indicators?q=" + encode("收入")).body(), "$.data[*].code"))
        .containsExactlyInAnyOrder("URBAN_INCOME", "RURAL_INCOME");
    assertThat(get("/statistics/indicators?format=csv").body())
        .startsWith("\uFEFFcode,name,nameEn,unit");
  }

  @Test
  void aRevisionKeepsTheEarlierValueQueryableAsOfADay() {
    assertThat(
            loadObservations(HEADER + "GDP,150600,2023,5849.50,PRELIMINARY,2024-01-25\n")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> revision =
        loadObservations(HEADER + "GDP,150600,2023,5910.12,FINAL,2025-01-20\n");
    assertThat(revision.statusCode()).as(revision.body()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(revision.body(), "$.updated")).isEqualTo(1);

    String query = "/statistics/observations?indicator=GDP&region=150600&from=2023&to=2023";
    assertThat(value(get(query)))
        .containsEntry("value", "5910.12")
        .containsEntry("status", "FINAL")
        .containsEntry("publishedOn", "2025-01-20")
        .doesNotContainKey("supersededOn")
        .containsEntry("unit", "亿元")
        .containsEntry("regionName", "鄂尔多斯市");
    assertThat(value(get(query + "&asOf=2024-06-01")))
        .containsEntry("value", "5849.50")
        .containsEntry("status", "PRELIMINARY")
        .containsEntry("supersededOn", "2025-01-20");
    assertThat(value(get(query + "&asOf=2025-01-20"))).containsEntry("value", "5910.12");
    assertThat(JsonPath.<List<?>>read(get(query + "&asOf=2024-01-24").body(), "$.data")).isEmpty();
    assertThat(jdbc.sql("select count(*) from observation").query(Long.class).single())
        .isEqualTo(2);

    HttpResponse<String> same =
        loadObservations(HEADER + "GDP,150600,2023,5910.12,FINAL,2025-01-20\n");
    assertThat(JsonPath.<Integer>read(same.body(), "$.unchanged")).isEqualTo(1);
    HttpResponse<String> backdated =
        loadObservations(HEADER + "GDP,150600,2023,5900,REVISED,2024-12-01\n");
    assertThat(backdated.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(backdated.body(), "$.errors[*].parameter"))
        .containsExactly("publishedOn");
  }

  @Test
  void vintagesAllListsEveryPublishedValueWithItsValidityInterval() {
    assertThat(
            loadObservations(
                    HEADER
                        + "GDP,150600,2022,5600.00,PRELIMINARY,2023-01-20\n"
                        + "GDP,150600,2023,5849.50,PRELIMINARY,2024-01-25\n")
                .statusCode())
        .isEqualTo(200);
    assertThat(loadObservations(HEADER + "GDP,150600,2023,5880.00,FINAL,2024-09-01\n").statusCode())
        .isEqualTo(200);
    assertThat(
            loadObservations(HEADER + "GDP,150600,2023,5910.12,REVISED,2025-01-20\n").statusCode())
        .isEqualTo(200);

    String query = "/statistics/observations?indicator=GDP&region=150600&vintages=all";
    HttpResponse<String> all = get(query);
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(all.body(), "$.data[*].value"))
        .containsExactly("5600.00", "5849.50", "5880.00", "5910.12");
    assertThat(JsonPath.<List<String>>read(all.body(), "$.data[*].publishedOn"))
        .containsExactly("2023-01-20", "2024-01-25", "2024-09-01", "2025-01-20");
    // each vintage of 2023 is valid until the next one was published; the current one has no end
    assertThat(JsonPath.<List<String>>read(all.body(), "$.data[1:3].supersededOn"))
        .containsExactly("2024-09-01", "2025-01-20");
    assertThat(JsonPath.<Map<String, Object>>read(all.body(), "$.data[3]"))
        .doesNotContainKey("supersededOn");
    assertThat(JsonPath.<Integer>read(all.body(), "$.meta.total")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(get(query.replace("all", "current")).body(), "$.meta.total"))
        .isEqualTo(2);

    // a cursor walks every vintage exactly once, one row per page
    List<String> walked = new java.util.ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page =
          get(query + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      walked.addAll(JsonPath.<List<String>>read(page.body(), "$.data[*].value"));
      cursor = (String) JsonPath.<Map<String, Object>>read(page.body(), "$.meta").get("nextCursor");
    } while (cursor != null);
    assertThat(walked).containsExactly("5600.00", "5849.50", "5880.00", "5910.12");

    assertThat(get(query + "&format=csv").body().split("\r\n")).hasSize(5);
    HttpResponse<String> both = get(query + "&asOf=2024-06-01");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(both.body(), "$.errors[*].parameter"))
        .containsExactly("asOf");
    assertThat(get(query.replace("all", "some")).statusCode()).isEqualTo(400);
  }

  @Test
  void aLoadValidatesIndicatorPeriodFrequencyStatusAndDate() {
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    HttpResponse<String> response =
        loadObservations(
            HEADER
                + "GDP,150600,2023Q1,1.0,PRELIMINARY,2024-01-25\n"
                + "NO_SUCH,150600,2023,1.0,FINAL,2024-01-25\n"
                + "CPI,150000,2024-07,abc,FINAL,2024-08-15\n"
                + "CPI,150000,2024-08,100.2,DRAFT,2024-09-15\n"
                + "CPI,150000,2024-09,100.2,FINAL,"
                + tomorrow
                + "\n"
                + "CPI,150000,2024-13,100.2,FINAL,2024-08-15\n");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<Object>>read(response.body(), "$.errors[*]['row','parameter']"))
        .hasSize(6);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .containsExactly("period", "indicator", "value", "status", "publishedOn", "period");
    assertThat(jdbc.sql("select count(*) from observation").query(Long.class).single()).isZero();
  }

  @Test
  void periodsOfEveryFrequencyFilterAndIterate() {
    StringBuilder file = new StringBuilder(HEADER);
    for (int month = 1; month <= 12; month++) {
      file.append(
          "CPI,150000,2024-%02d,%s,FINAL,2024-12-20\n".formatted(month, 100 + month / 10.0));
    }
    for (int quarter = 1; quarter <= 4; quarter++) {
      file.append(
          "GDP_GROWTH,150000,2024Q%d,%d.5,PRELIMINARY,2024-12-20\n"
              .formatted(quarter, quarter + 3));
    }
    file.append("GDP,150000,2024,26000.00,PRELIMINARY,2025-01-25\n");
    file.append("GDP,150100,2024,4100.00,初步,2025-01-25\n");
    file.append("GDP,150102,2024,900.00,PRELIMINARY,2025-01-25\n");
    HttpResponse<String> load = loadObservations(file.toString());
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(load.body(), "$.inserted")).isEqualTo(19);

    assertThat(periods("indicator=CPI&from=2024Q3&to=2024-10"))
        .containsExactly("2024-07", "2024-08", "2024-09", "2024-10");
    assertThat(periods("indicator=GDP_GROWTH&from=2024-04&to=2024"))
        .containsExactly("2024Q2", "2024Q3", "2024Q4");
    assertThat(periods("indicator=GDP&region=150100")).containsExactly("2024");
    assertThat(
            JsonPath.<List<String>>read(
                get("/statistics/observations?indicator=GDP&region=150100&includeSubregions=true")
                    .body(),
                "$.data[*].regionCode"))
        .containsExactly("150100", "150102");
    assertThat(periods("indicator=CPI&sort=-period&size=2")).containsExactly("2024-12", "2024-11");

    HashSet<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpResponse<String> page =
          get(
              "/statistics/observations?size=4&fields=indicatorCode,regionCode,period"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      List<Map<String, String>> rows = JsonPath.read(page.body(), "$.data");
      rows.forEach(
          r ->
              assertThat(seen.add(r.get("indicatorCode") + r.get("regionCode") + r.get("period")))
                  .isTrue());
      List<String> next = JsonPath.read(page.body(), "$.meta[?(@.nextCursor)].nextCursor");
      cursor = next.isEmpty() ? null : next.get(0);
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(19);
    assertThat(pages).isEqualTo(5);

    String csv = get("/statistics/observations?indicator=CPI&format=csv").body();
    assertThat(csv)
        .startsWith(
            "\uFEFFindicatorCode,indicatorName,regionCode,regionName,period,frequency,value,unit,status,publishedOn,supersededOn,modified\r\n");
    assertThat(csv.split("\r\n")).hasSize(13);
  }

  private List<String> periods(String query) {
    HttpResponse<String> response = get("/statistics/observations?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.read(response.body(), "$.data[*].period");
  }

  private static Map<String, Object> value(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<Map<String, Object>> rows = JsonPath.read(response.body(), "$.data");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
