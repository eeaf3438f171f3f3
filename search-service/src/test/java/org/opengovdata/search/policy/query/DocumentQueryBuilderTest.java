package org.opengovdata.search.policy.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumberPrefix;
import org.opengovdata.search.policy.source.Policy.Validity;

class DocumentQueryBuilderTest {

  private static DocumentQuery query(
      DocumentQuery.Text text,
      DocumentNumber qNumber,
      DocumentNumberPrefix prefix,
      LocalDate inForceOn,
      DocumentQuery.Sort sort,
      List<Object> after) {
    return new DocumentQuery(
        text,
        qNumber,
        null,
        prefix,
        "内蒙古自治区人民政府",
        null,
        null,
        "150600",
        Validity.VALID,
        DocumentQuery.DateField.PUBLISHED,
        LocalDate.of(2024, 1, 1),
        null,
        2024,
        inForceOn,
        sort,
        2,
        20,
        after,
        List.of("150600", "150000"));
  }

  private static String json(SearchRequest request) {
    return JsonpUtils.toJsonString(
        request, new co.elastic.clients.json.jackson.JacksonJsonpMapper());
  }

  @Test
  void userTextOnlyEverReachesTypedQueries() {
    DocumentQuery.Text text =
        new DocumentQuery.Text("预算 OR title:* AND \"x\"", List.of("预算", "OR", "title:*"));
    String json =
        json(
            DocumentQueryBuilder.build(
                "policies", query(text, null, null, null, null, null), true));
    assertThat(json).doesNotContain("query_string").doesNotContain("simple_query_string");
    assertThat(json).contains("\"combined_fields\"").contains("\"match_phrase\"");
  }

  @Test
  void filtersAreTermsAndRanges() {
    String json =
        json(
            DocumentQueryBuilder.build(
                "policies",
                query(
                    null,
                    null,
                    new DocumentNumberPrefix("内政发", 2024),
                    LocalDate.of(2024, 6, 1),
                    null,
                    null),
                false));
    assertThat(json)
        .contains("{\"prefix\":{\"documentNumber.key\":{\"value\":\"内政发〔2024〕\"}}}")
        .contains("{\"term\":{\"regionPath\":{\"value\":\"150600\"}}}")
        .contains("{\"term\":{\"validity\":{\"value\":\"VALID\"}}}")
        .contains("\"relation\":\"contains\"")
        .contains("\"from\":40")
        .doesNotContain("\"aggregations\"");
  }

  @Test
  void aQueryThatIsADocumentNumberAddsAConstantFarAboveTextScores() {
    DocumentQuery.Text text = new DocumentQuery.Text("内政发〔2024〕12号", List.of("内", "政", "发"));
    DocumentNumber number = DocumentNumber.bracketed("内政发", 2024, 12);
    String json =
        json(
            DocumentQueryBuilder.build(
                "policies", query(text, number, null, null, null, null), true));
    assertThat(json)
        .contains("\"constant_score\"")
        .contains("\"boost\":1000.0")
        .contains("\"documentNumber.key\":{\"value\":\"内政发〔2024〕12号\"}");
  }

  @Test
  void everyOrderEndsWithTheIdTiebreakerAndCursorsUseSearchAfter() {
    DocumentQuery.Text text = new DocumentQuery.Text("预算", List.of("预算"));
    DocumentQuery relevance = query(text, null, null, null, null, List.of(1.5, 100L, "id-1"));
    assertThat(DocumentQueryBuilder.sortValueCount(relevance)).isEqualTo(3);
    String json = json(DocumentQueryBuilder.build("policies", relevance, false));
    assertThat(json).contains("\"search_after\":[1.5,100,\"id-1\"]").doesNotContain("\"from\"");
    assertThat(json).endsWith("}").contains("{\"id\":{\"order\":\"asc\"}}");
    DocumentQuery newest = query(null, null, null, null, DocumentQuery.Sort.NEWEST, null);
    assertThat(DocumentQueryBuilder.sortValueCount(newest)).isEqualTo(2);
  }

  @Test
  void facetsAreRequestedOnPages() {
    String json =
        json(
            DocumentQueryBuilder.build(
                "policies", query(null, null, null, null, null, null), true));
    assertThat(json)
        .contains("\"issuer\":{\"terms\"")
        .contains("\"region\":{\"terms\":{\"field\":\"regionCode\",\"size\":150}")
        .contains("\"year\":{\"date_histogram\"")
        .contains("\"track_total_hits\":true");
  }
}
