package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.common.testsupport.Http;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiscalItemsIntegrationTest extends CatalogIntegrationTest {

  @Autowired ReferenceData reference;

  @BeforeAll
  void loadHohhotAndTwoDistricts() {
    resetData();
    HttpResponse<String> load =
        loadFiscal(
            FiscalTestData.csv(
                reference, List.of("150100", "150102", "150105"), List.of(2022, 2023, 2024), 7));
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
  }

  @Test
  void cursorIterationReturnsEveryRowExactlyOnce() {
    Set<Long> all = new HashSet<>(jdbc.sql("select id from fiscal_item").query(Long.class).list());
    assertThat(all).hasSizeGreaterThan(5000);
    for (String sort : List.of("", "&sort=-amount,regionCode", "&sort=classificationCode,-year")) {
      List<Long> seen = iterate("/fiscal/items?fields=id" + sort, 97);
      assertThat(seen).as(sort).doesNotHaveDuplicates().hasSameSizeAs(all);
      assertThat(new HashSet<>(seen)).isEqualTo(all);
    }
  }

  @Test
  void cursorRespectsFiltersAndSortOrder() {
    List<Long> filtered =
        iterate("/fiscal/items?fields=id&year=2023&classification=205&sort=-amount", 13);
    List<Long> expected =
        jdbc.sql(
                "select id from fiscal_item where year = 2023 and classification_code like '205%'"
                    + " order by amount desc, year, region_code, budget_type, stage, direction,"
                    + " classification_code")
            .query(Long.class)
            .list();
    assertThat(filtered).containsExactlyElementsOf(expected);
  }

  @Test
  void pagesCarryTotalsLinksAndAFirstCursor() {
    HttpResponse<String> response = get("/fiscal/items?year=2024&region=150100&page=2&size=10");
    assertThat(response.statusCode()).isEqualTo(200);
    long total = count("year = 2024 and region_code = '150100'");
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.total")).isEqualTo((int) total);
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.totalPages"))
        .isEqualTo((int) ((total + 9) / 10));
    assertThat(JsonPath.<Integer>read(response.body(), "$.meta.page")).isEqualTo(2);
    assertThat(JsonPath.<List<?>>read(response.body(), "$.data")).hasSize(10);
    String cursor = JsonPath.read(response.body(), "$.meta.nextCursor");
    assertThat(JsonPath.<String>read(response.body(), "$.links.next"))
        .endsWith("?year=2024&region=150100&size=10&cursor=" + cursor);
    assertThat(JsonPath.<String>read(response.body(), "$.links.prev")).endsWith("page=1&size=10");
    assertThat(JsonPath.<String>read(response.body(), "$.links.first")).endsWith("page=0&size=10");
    assertThat(JsonPath.<String>read(response.body(), "$.links.last"))
        .endsWith("page=" + ((total + 9) / 10 - 1) + "&size=10");
    assertThat(response.headers().firstValue("Link").orElseThrow())
        .contains("<" + JsonPath.read(response.body(), "$.links.next") + ">; rel=\"next\"")
        .contains("<" + JsonPath.read(response.body(), "$.links.first") + ">; rel=\"first\"")
        .contains("<" + JsonPath.read(response.body(), "$.links.last") + ">; rel=\"last\"");
    assertThat(JsonPath.<String>read(response.body(), "$.meta.labels.amount.zh")).isEqualTo("金额");
    assertThat(JsonPath.<String>read(response.body(), "$.meta.dataTypes.amount"))
        .isEqualTo("decimal");
    assertThat(JsonPath.<String>read(response.body(), "$.data[0].unit")).isEqualTo("万元");
    assertThat(JsonPath.<String>read(response.body(), "$.data[0].amount"))
        .matches("-?\\d+\\.\\d{2}");

    HttpResponse<String> next =
        get("/fiscal/items?year=2024&region=150100&size=10&cursor=" + cursor);
    HttpResponse<String> page3 = get("/fiscal/items?year=2024&region=150100&page=3&size=10");
    assertThat(JsonPath.<List<Object>>read(next.body(), "$.data[*].id"))
        .isEqualTo(JsonPath.read(page3.body(), "$.data[*].id"));
    assertThat(JsonPath.<Map<String, Object>>read(next.body(), "$.meta")).doesNotContainKey("page");
    assertThat(JsonPath.<Map<String, Object>>read(next.body(), "$.links"))
        .doesNotContainKeys("prev", "last");
    assertThat(next.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");
  }

  @Test
  void fieldsSelectTheProperties() {
    HttpResponse<String> response =
        get("/fiscal/items?size=1&fields=year,classificationName,amount");
    Map<String, Object> row = JsonPath.read(response.body(), "$.data[0]");
    assertThat(row).containsOnlyKeys("year", "classificationName", "amount");
    assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.meta.labels"))
        .containsOnlyKeys("year", "classificationName", "amount");
  }

  /** The CSV comes from PostgreSQL's COPY: its cells must be the JSON answer's values. */
  @Test
  void csvExportWritesTheSameValuesAsTheJsonRows() {
    String fields =
        "id,year,regionCode,regionName,budgetType,stage,direction,classificationCode,"
            + "classificationName,classificationLevel,amount,unit";
    String query = "/fiscal/items?year=2023&sort=-amount,regionCode&fields=" + fields;
    List<String> csv = get(query + "&format=csv").body().lines().toList();
    List<Map<String, Object>> json = JsonPath.read(get(query + "&size=200").body(), "$.data");
    assertThat(csv.get(0)).isEqualTo("\uFEFF" + fields);
    assertThat(csv).hasSize((int) count("year = 2023") + 1);
    for (int i = 0; i < json.size(); i++) {
      Map<String, Object> row = json.get(i);
      String expected =
          java.util.Arrays.stream(fields.split(","))
              .map(f -> String.valueOf(row.get(f)))
              .collect(java.util.stream.Collectors.joining(","));
      assertThat(csv.get(i + 1)).as("row %d", i).isEqualTo(expected);
    }
    String modified =
        get("/fiscal/items?year=2023&fields=modified&format=csv").body().split("\r\n")[1];
    assertThat(OffsetDateTime.parse(modified))
        .isEqualTo(
            OffsetDateTime.parse(
                JsonPath.read(
                    get("/fiscal/items?year=2023&fields=modified&size=1").body(),
                    "$.data[0].modified")));
  }

  @Test
  void csvHeaderInWordsWithLabels() {
    String query = "/fiscal/items?region=150102&fields=year,regionName,amount&format=csv";
    assertThat(get(query + "&labels=zh").body()).startsWith("\uFEFF年度,行政区划,金额\r\n");
    assertThat(get(query + "&labels=en").body()).startsWith("\uFEFFFiscal year,Region,Amount\r\n");
    assertThat(get(query).body()).startsWith("\uFEFFyear,regionName,amount\r\n");
    HttpResponse<String> wrong = get(query + "&labels=fr");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("labels");
    assertThat(get("/fiscal/three-public-expenses?region=150700&format=csv&labels=zh").body())
        .startsWith("\uFEFF年度");
  }

  @Test
  void everyCsvAnswerLinksItsCsvwMetadata() {
    String query = "/fiscal/items?region=150102&fields=year,regionCode,regionName,amount";
    HttpResponse<String> csv = get(query + "&format=csv");
    String metadataUrl = BASE + query + "&format=csvw";
    assertThat(csv.headers().firstValue("Link"))
        .hasValue("<" + metadataUrl + ">; rel=\"describedby\"; type=\"application/csvm+json\"");

    HttpResponse<String> metadata = get(query + "&format=csvw");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.headers().firstValue("Content-Type")).hasValue("application/csvm+json");
    assertThat(JsonPath.<String>read(metadata.body(), "$.@context"))
        .isEqualTo("http://www.w3.org/ns/csvw");
    assertThat(JsonPath.<String>read(metadata.body(), "$.url"))
        .isEqualTo(BASE + query + "&format=csv");
    assertThat(JsonPath.<List<String>>read(metadata.body(), "$.tableSchema.columns[*].name"))
        .containsExactly("year", "regionCode", "regionName", "amount");
    assertThat(JsonPath.<List<String>>read(metadata.body(), "$.tableSchema.columns[*].datatype"))
        .containsExactly("integer", "string", "string", "decimal");
    assertThat(JsonPath.<String>read(metadata.body(), "$.tableSchema.columns[1].titles.zh"))
        .isEqualTo("行政区划代码");
    assertThat(
            get("/fiscal/three-public-expenses?format=csvw").headers().firstValue("Content-Type"))
        .hasValue("application/csvm+json");
  }

  @Test
  void jsonLinesStreamsEveryRowAsTheJsonAnswersRows() {
    String query = "/fiscal/items?region=150102&fields=id,year,classificationName,amount,unit";
    HttpResponse<String> jsonl = get(query + "&format=jsonl");
    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    assertThat(jsonl.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"fiscal-items.jsonl\"");
    long total = count("region_code = '150102'");
    assertThat(jsonl.headers().firstValue("X-Total-Count")).hasValue(Long.toString(total));
    assertThat(jsonl.body()).endsWith("\n").doesNotContain("\r");
    List<String> lines = jsonl.body().lines().toList();
    assertThat(lines).hasSize((int) total);

    HttpResponse<String> page = get(query + "&size=3");
    List<Map<String, Object>> firstRows = JsonPath.read(page.body(), "$.data");
    for (int i = 0; i < 3; i++) {
      assertThat(JsonPath.<Map<String, Object>>read(lines.get(i), "$")).isEqualTo(firstRows.get(i));
    }
    assertThat(get(query, "Accept", "application/x-ndjson").body()).isEqualTo(jsonl.body());
  }

  @Test
  void csvExportIsUtf8WithBomRfc4180AndHasEveryRow() {
    String query =
        "/fiscal/items?region=150102&fields=year,regionName,classificationCode,classificationName,amount";
    HttpResponse<String> csv = get(query + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"fiscal-items.csv\"");
    assertThat(csv.body())
        .startsWith("\uFEFFyear,regionName,classificationCode,classificationName,amount\r\n");
    assertThat(csv.body()).contains(",新城区,");
    String[] lines = csv.body().split("\r\n");
    long total = count("region_code = '150102'");
    assertThat(lines).hasSize((int) total + 1);
    assertThat(csv.headers().firstValue("X-Total-Count")).hasValue(Long.toString(total));
    assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(5));

    HttpResponse<String> byAccept = get(query, "Accept", "text/csv");
    assertThat(byAccept.body()).isEqualTo(csv.body());

    HttpResponse<String> head = Http.send("HEAD", url(query + "&format=csv"), null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("X-Total-Count")).hasValue(Long.toString(total));
    assertThat(head.headers().firstValue("ETag")).isEqualTo(csv.headers().firstValue("ETag"));
  }

  @Test
  void etagAnswers304WhileUnchangedAndChangesWithALoad() {
    String query = "/fiscal/items?year=2022&region=150105&size=5";
    HttpResponse<String> first = get(query);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
    HttpResponse<String> again = get(query, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    assertThat(get(query + "&format=csv").headers().firstValue("ETag")).isNotEqualTo(etag);

    assertThat(
            loadFiscal(
                    FiscalTestData.HEADER
                        + "2022,150105,GENERAL_PUBLIC,BUDGET,EXPENDITURE,2050202,1.23\n")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> after = get(query, "If-None-Match", etag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(etag);
  }

  @Test
  void modifiedSinceReturnsOnlyWhatALaterLoadChanged() {
    OffsetDateTime before =
        jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    assertThat(
            loadFiscal(
                    FiscalTestData.HEADER
                        + "2023,150105,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,777.77\n")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> changed =
        get(
            "/fiscal/items?modifiedSince="
                + encode(before.toString())
                + "&fields=classificationCode,amount");
    assertThat(JsonPath.<List<String>>read(changed.body(), "$.data[*].amount"))
        .containsExactly("777.77");
  }

  @Test
  void regionAloneOrWithSubregions() {
    assertThat(
            JsonPath.<List<String>>read(
                get("/fiscal/items?region=150100&size=1000&fields=regionCode").body(),
                "$.data[*].regionCode"))
        .containsOnly("150100");
    assertThat(
            JsonPath.<Integer>read(
                get("/fiscal/items?region=150100&includeSubregions=true&size=1").body(),
                "$.meta.total"))
        .isEqualTo((int) count("true"));
    assertThat(
            JsonPath.<List<String>>read(
                get("/fiscal/items?classification=2050&size=1000&fields=classificationCode").body(),
                "$.data[*].classificationCode"))
        .isNotEmpty()
        .allSatisfy(code -> assertThat(code).startsWith("2050"));
  }

  private List<Long> iterate(String query, int size) {
    return FiscalTestData.all(q -> get(q.replace("&size=1000", "&size=" + size)), query).stream()
        .map(r -> ((Number) r.get("id")).longValue())
        .toList();
  }

  private long count(String where) {
    return jdbc.sql("select count(*) from fiscal_item where " + where).query(Long.class).single();
  }
}
