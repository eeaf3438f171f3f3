package org.opengovdata.search.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.search.support.Policies.policy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.Policy.Validity;
import org.opengovdata.search.support.Corpus;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /documents, /documents/by-number and /suggest against real Elasticsearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentSearchIntegrationTest extends SearchIT {

  @Autowired PolicyWriter writer;
  @Autowired SearchIndices indices;
  @Autowired ElasticsearchClient elasticsearch;

  final List<String> simplified = Corpus.sentences(Corpus.simplified());
  final List<String> traditional = Corpus.sentences(Corpus.traditional());

  Policy budget; // A: in force since 2024-03-05, simplified body
  Policy openness; // B: traditional title and body, 鄂尔多斯市
  Policy repealed; // C: repealed 2024-03-04, replaced by A
  Policy future; // D: effective 2025-01-01
  Policy county; // E: 东胜区 (inside 鄂尔多斯市)
  Policy sameNumber; // F: another issuer used A's number
  Policy decree; // G: decree number without year
  List<Policy> all;

  @BeforeAll
  void indexFixtures() throws Exception {
    resetPolicyIndex(indices, elasticsearch);
    budget =
        policy("内蒙古自治区人民政府关于做好2024年财政预算公开工作的通知")
            .number("内政发〔2024〕12号")
            .subject("财政、金融、审计")
            .published(LocalDate.of(2024, 3, 5))
            .effective(LocalDate.of(2024, 3, 5))
            .body(String.join("。", simplified.subList(0, 30)))
            .interpretation("一图读懂财政预算公开")
            .build();
    openness =
        policy("關於進一步加強政務公開工作的意見")
            .number("鄂府办发〔2023〕5号")
            .issuer("鄂尔多斯市人民政府办公室")
            .type("意见")
            .region("150600")
            .published(LocalDate.of(2023, 6, 1))
            .body(String.join("。", traditional.subList(30, 60)))
            .build();
    repealed =
        policy("关于印发财政预算管理办法的通知")
            .number("内政发〔2020〕8号")
            .subject("财政、金融、审计")
            .published(LocalDate.of(2020, 5, 1))
            .effective(LocalDate.of(2020, 5, 1))
            .expiry(LocalDate.of(2024, 3, 4))
            .validity(Validity.REPEALED)
            .replacedBy(budget)
            .body(String.join("。", simplified.subList(60, 70)))
            .build();
    future =
        policy("关于推进公共数据开放的通知")
            .number("内政发〔2024〕30号")
            .published(LocalDate.of(2024, 12, 1))
            .effective(LocalDate.of(2025, 1, 1))
            .body(String.join("。", simplified.subList(70, 80)))
            .attachmentText("公共数据开放目录清单")
            .build();
    county =
        policy("东胜区关于统计信息公开的通知")
            .number("东政发〔2024〕3号")
            .issuer("鄂尔多斯市东胜区人民政府")
            .region("150602")
            .subject("统计")
            .published(LocalDate.of(2024, 2, 1))
            .body(String.join("。", simplified.subList(80, 90)))
            .build();
    sameNumber =
        policy("乌海市关于做好政府信息公开工作的通知")
            .number("内政发[2024]12号")
            .issuer("乌海市人民政府")
            .region("150300")
            .published(LocalDate.of(2024, 4, 1))
            .body(String.join("。", simplified.subList(90, 95)))
            .build();
    decree =
        policy("内蒙古自治区政府信息公开规定")
            .number("内蒙古自治区人民政府令第258号")
            .type("政府令")
            .published(LocalDate.of(2019, 9, 1))
            .body(String.join("。", simplified.subList(95, 100)))
            .build();
    all = List.of(budget, openness, repealed, future, county, sameNumber, decree);
    for (Policy p : all) {
      writer.write(p);
    }
    elasticsearch.indices().refresh(r -> r.index(indices.alias(IndexKind.POLICIES)));
  }

  private HttpResponse<String> get(String path) {
    return Http.get(api(path));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private List<String> ids(String query) {
    HttpResponse<String> response = get("/documents?size=100&" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.read(response.body(), "$.data[*].id");
  }

  private static List<String> idsOf(Policy... policies) {
    return java.util.Arrays.stream(policies).map(p -> p.id().toString()).toList();
  }

  @Test
  void aTraditionalQueryFindsASimplifiedDocumentAndTheReverse() {
    // a passage of A's simplified body, asked in traditional characters
    String askedTraditional = traditional.get(5).substring(0, 12);
    assertThat(askedTraditional).isNotEqualTo(simplified.get(5).substring(0, 12));
    assertThat(ids("q=" + enc(askedTraditional))).contains(budget.id().toString());
    // a passage of B's traditional body, asked in simplified characters
    String askedSimplified = simplified.get(40).substring(0, 12);
    assertThat(ids("q=" + enc(askedSimplified))).contains(openness.id().toString());
    // and B's traditional title is found by its simplified words
    assertThat(ids("q=" + enc("加强政务公开"))).contains(openness.id().toString());
  }

  @Test
  void wordMatchesInTheTitleRankFirstAndAreHighlighted() {
    HttpResponse<String> response = get("/documents?q=" + enc("財政預算"));
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = JsonPath.read(response.body(), "$.data[*].id");
    assertThat(ids.subList(0, 2)).containsExactlyInAnyOrderElementsOf(idsOf(budget, repealed));
    List<String> titles = JsonPath.read(response.body(), "$.data[0].highlights.title");
    assertThat(titles.get(0)).contains("<em>财政</em>").contains("<em>预算</em>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "内政发〔2024〕12号",
        "内政发[2024]12号",
        "内政发(2024)12号",
        "内政发（2024）12号",
        "内政发【2024】12号",
        "内政发［2024］12号",
        "内政发〔2024〕12",
        "内政发 〔2024〕 12 号",
        "内政发〔２０２４〕１２号",
        "内政发〔2024〕012号"
      })
  void everyWrittenVariantOfANumberFindsItsDocuments(String variant) {
    HttpResponse<String> byNumber = get("/documents/by-number/" + enc(variant).replace("+", "%20"));
    assertThat(byNumber.statusCode()).as(byNumber.body()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(byNumber.body(), "$.data[*].id"))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, sameNumber));
    assertThat(JsonPath.<List<String>>read(byNumber.body(), "$.data[*].documentNumber"))
        .containsOnly("内政发〔2024〕12号");

    // as q, the numbered documents come before anything that merely mentions words of it
    List<String> ranked = ids("q=" + enc(variant));
    assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrderElementsOf(idsOf(budget, sameNumber));
  }

  /** Every variant of the shared parser's test table finds its document, by lookup and as q. */
  @Test
  void everyVariantOfTheSharedParsersTableFindsItsDocument() throws Exception {
    Map<String, Policy> byCanonical = new java.util.LinkedHashMap<>();
    List<String[]> rows = new java.util.ArrayList<>();
    try (var in = getClass().getClassLoader().getResourceAsStream("docnumber/variants.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        rows.add(new String[] {cells[0].replace("\\t", "\t"), cells[1]});
      }
    }
    for (String[] row : rows) {
      byCanonical.computeIfAbsent(
          row[1],
          canonical ->
              policy("变体测试文件" + canonical)
                  .number(canonical)
                  .issuer("变体测试机关")
                  .published(LocalDate.of(2024, 1, 2))
                  .build());
    }
    for (Policy p : byCanonical.values()) {
      writer.write(p);
    }
    elasticsearch.indices().refresh(r -> r.index(indices.alias(IndexKind.POLICIES)));
    try {
      assertEveryVariantFindsItsDocument(rows, byCanonical);
    } finally {
      // the other tests of this class count the fixture documents
      for (Policy p : byCanonical.values()) {
        writer.remove(p.id().toString(), p.version() + 1);
      }
      elasticsearch.indices().refresh(r -> r.index(indices.alias(IndexKind.POLICIES)));
    }
  }

  private void assertEveryVariantFindsItsDocument(
      List<String[]> rows, Map<String, Policy> byCanonical) {
    for (String[] row : rows) {
      String expected = byCanonical.get(row[1]).id().toString();
      HttpResponse<String> lookup = get("/documents/by-number/" + enc(row[0]).replace("+", "%20"));
      assertThat(lookup.statusCode()).as(row[0] + " " + lookup.body()).isEqualTo(200);
      assertThat(JsonPath.<List<String>>read(lookup.body(), "$.data[*].id"))
          .as(row[0])
          .contains(expected);
      assertThat(ids("issuer=" + enc("变体测试机关") + "&q=" + enc(row[0])).get(0))
          .as("q=" + row[0])
          .isEqualTo(expected);
    }
  }

  @Test
  void aDecreeNumberWithoutYearIsFound() {
    HttpResponse<String> response = get("/documents/by-number/" + enc("内蒙古自治区人民政府令第２５８号"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.data[*].id"))
        .containsExactly(decree.id().toString());
  }

  @Test
  void anUnknownNumberIs404Problem() {
    HttpResponse<String> response = get("/documents/by-number/" + enc("内政发〔1999〕1号"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("内政发〔1999〕1号");
  }

  @Test
  void aPartialNumberListsTheIssuersYear() {
    assertThat(ids("documentNumber=" + enc("内政发〔2024〕")))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, future, sameNumber));
    assertThat(ids("documentNumber=" + enc("内政发（2024）")))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, future, sameNumber));
    assertThat(ids("documentNumber=" + enc("内政发")))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, repealed, future, sameNumber));
  }

  @Test
  void inForceOnExcludesRepealedAndNotYetEffectiveDocuments() {
    assertThat(ids("inForceOn=2024-06-01"))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, openness, county, sameNumber, decree));
    // the repealed one was in force before its end; A not yet
    assertThat(ids("inForceOn=2022-01-01"))
        .containsExactlyInAnyOrderElementsOf(idsOf(repealed, decree))
        .doesNotContain(budget.id().toString());
    // the expiry date is the first day it no longer applies (the catalog's rule too)
    assertThat(ids("inForceOn=2024-03-03")).contains(repealed.id().toString());
    assertThat(ids("inForceOn=2024-03-04")).doesNotContain(repealed.id().toString());
    assertThat(ids("inForceOn=2025-01-01")).contains(future.id().toString());
  }

  @Test
  void aRegionFindsItsOwnDocumentsAndThoseOfTheRegionsInsideIt() {
    assertThat(ids("region=150602")).containsExactly(county.id().toString());
    assertThat(ids("region=150600")).containsExactlyInAnyOrderElementsOf(idsOf(openness, county));
    assertThat(ids("region=150000")).hasSize(all.size());
  }

  @Test
  void datesFilterOnTheChosenDateField() {
    assertThat(ids("year=2024"))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, future, county, sameNumber));
    assertThat(ids("from=2024-02-01&to=2024-03-31"))
        .containsExactlyInAnyOrderElementsOf(idsOf(budget, county));
    assertThat(ids("dateField=effective&year=2025")).containsExactly(future.id().toString());
    assertThat(ids("sort=oldest&year=2024").get(0)).isEqualTo(county.id().toString());
    assertThat(ids("year=2024").get(0)).isEqualTo(future.id().toString());
  }

  @Test
  void facetsCountTheMatchingDocuments() {
    HttpResponse<String> response = get("/documents?size=1");
    String body = response.body();
    assertThat(JsonPath.<Integer>read(body, "$.meta.total")).isEqualTo(all.size());
    assertFacet(body, "issuer", count(Policy::issuer));
    assertFacet(body, "documentType", count(Policy::documentType));
    assertFacet(body, "subject", count(Policy::subject));
    assertFacet(body, "region", count(Policy::regionCode));
    assertFacet(body, "validity", count(p -> p.validity().name()));
    assertFacet(body, "year", count(p -> Integer.toString(p.publishedDate().getYear())));
    assertThat(JsonPath.<List<String>>read(body, "$.facets.region[?(@.value=='150600')].label"))
        .containsExactly("鄂尔多斯市");

    // facets follow the filters
    String filtered = get("/documents?year=2024&size=1").body();
    assertFacet(
        filtered,
        "issuer",
        all.stream()
            .filter(p -> p.publishedDate().getYear() == 2024)
            .collect(Collectors.groupingBy(Policy::issuer, Collectors.counting())));
  }

  private Map<String, Long> count(Function<Policy, String> key) {
    return all.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static void assertFacet(String body, String facet, Map<String, Long> expected) {
    List<Map<String, Object>> values = JsonPath.read(body, "$.facets." + facet);
    Map<String, Long> actual =
        values.stream()
            .collect(
                Collectors.toMap(
                    v -> (String) v.get("value"), v -> ((Number) v.get("count")).longValue()));
    assertThat(actual).as(facet).isEqualTo(expected);
  }

  @Test
  void aRepealedHitNamesTheDocumentThatReplacedIt() {
    String body = get("/documents?documentNumber=" + enc("内政发〔2020〕8号")).body();
    assertThat(JsonPath.<String>read(body, "$.data[0].validity")).isEqualTo("REPEALED");
    assertThat(JsonPath.<String>read(body, "$.data[0].replacedBy.id"))
        .isEqualTo(budget.id().toString());
    assertThat(JsonPath.<String>read(body, "$.data[0].replacedBy.documentNumber"))
        .isEqualTo("内政发〔2024〕12号");
    assertThat(JsonPath.<String>read(body, "$.data[0].replacedBy.title")).isEqualTo(budget.title());
  }

  @Test
  void attachmentTextAndInterpretationTitlesAreSearched() {
    assertThat(ids("q=" + enc("开放目录清单"))).contains(future.id().toString());
    assertThat(ids("q=" + enc("一图读懂"))).contains(budget.id().toString());
  }

  @Test
  void suggestCompletesTitlesFromAnyWordAndNumbersInAnyVariant() {
    String titles = get("/suggest?prefix=" + enc("财政预算")).body();
    assertThat(JsonPath.<List<String>>read(titles, "$.data[?(@.kind=='title')].id"))
        .contains(budget.id().toString());
    String numbers = get("/suggest?prefix=" + enc("内政发[2024")).body();
    assertThat(JsonPath.<List<String>>read(numbers, "$.data[?(@.kind=='documentNumber')].text"))
        .contains("内政发〔2024〕12号", "内政发〔2024〕30号");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size=101",
        "size=0",
        "from=2024-13-01",
        "to=2024-02-30",
        "inForceOn=yesterday",
        "from=2024-05-01&to=2024-04-01",
        "validity=VALIDISH",
        "sort=random",
        "dateField=signed",
        "region=999999",
        "region=abc",
        "year=1800",
        "documentNumber=abc",
        "page=101&size=100",
        "cursor=bm90LWEtY3Vyc29y",
        "cursor=abc.def",
        "page=1&cursor=abc.def"
      })
  void badInputIs400ProblemNamingTheParameter(String query) {
    HttpResponse<String> response = get("/documents?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    String parameter =
        query.contains("cursor") && !query.startsWith("page") ? "cursor" : query.split("=")[0];
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .contains(parameter);
  }

  @Test
  void anOversizedQueryIs400() {
    HttpResponse<String> response = get("/documents?q=" + enc("财".repeat(201)));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .containsExactly("q");
  }

  @Test
  void anAlteredOrForeignCursorIs400() {
    String first = get("/documents?size=2").body();
    String cursor = JsonPath.read(first, "$.meta.nextCursor");
    assertThat(get("/documents?size=2&cursor=" + cursor).statusCode()).isEqualTo(200);
    // flip one character of the payload: the signature no longer matches
    char c = cursor.charAt(3);
    String altered = cursor.substring(0, 3) + (c == 'A' ? 'B' : 'A') + cursor.substring(4);
    assertThat(get("/documents?size=2&cursor=" + altered).statusCode()).isEqualTo(400);
    // the same cursor with other filters
    HttpResponse<String> foreign = get("/documents?size=2&year=2024&cursor=" + cursor);
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(foreign.body(), "$.detail")).contains("other parameters");
  }
}
