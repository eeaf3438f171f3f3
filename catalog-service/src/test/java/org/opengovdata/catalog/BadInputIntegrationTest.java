package org.opengovdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is a 400 problem naming the parameter — never a 500 (issue item 6: unknown enum, {@code
 * year=abcd}, {@code size=100000}, unknown {@code groupBy}, malformed cursor, and more).
 */
class BadInputIntegrationTest extends CatalogIntegrationTest {

  static Stream<Arguments> badRequests() {
    String validCursorOfAnotherQuery =
        org.opengovdata.common.paging.KeysetCursor.signedWith(
                org.opengovdata.common.testsupport.TestTokens.SECRET, "catalog-lists")
            .encode("another|query", List.of("2024"));
    return Stream.of(
        Arguments.of("/fiscal/items?budgetType=LOCAL", "budgetType"),
        Arguments.of("/fiscal/items?stage=PLANNED", "stage"),
        Arguments.of("/fiscal/items?direction=IN", "direction"),
        Arguments.of("/fiscal/items?year=abcd", "year"),
        Arguments.of("/fiscal/items?year=1800", "year"),
        Arguments.of("/fiscal/items?yearFrom=2024&yearTo=2020", "yearFrom"),
        Arguments.of("/fiscal/items?year=2024&yearTo=2025", "year"),
        Arguments.of("/fiscal/items?size=100000", "size"),
        Arguments.of("/fiscal/items?size=0", "size"),
        Arguments.of("/fiscal/items?page=-1", "page"),
        Arguments.of("/fiscal/items?page=x", "page"),
        Arguments.of("/fiscal/items?cursor=not-a-cursor", "cursor"),
        Arguments.of("/fiscal/items?cursor=%24%24%24", "cursor"),
        Arguments.of("/fiscal/items?cursor=" + validCursorOfAnotherQuery, "cursor"),
        Arguments.of("/fiscal/items?cursor=" + validCursorOfAnotherQuery + "&page=2", "cursor"),
        Arguments.of("/fiscal/items?sort=price", "sort"),
        Arguments.of("/fiscal/items?sort=year,-year", "sort"),
        Arguments.of("/fiscal/items?fields=year,price", "fields"),
        Arguments.of("/fiscal/items?region=159999", "region"),
        Arguments.of("/fiscal/items?region=15", "region"),
        Arguments.of("/fiscal/items?classification=20a", "classification"),
        Arguments.of("/fiscal/items?includeSubregions=maybe", "includeSubregions"),
        Arguments.of("/fiscal/items?modifiedSince=yesterday", "modifiedSince"),
        Arguments.of("/fiscal/items?modifiedSince=2024-02-30", "modifiedSince"),
        Arguments.of("/fiscal/items?format=xlsx", "format"),
        Arguments.of("/fiscal/summary?groupBy=department", "groupBy"),
        Arguments.of("/fiscal/summary", "groupBy"),
        Arguments.of("/fiscal/summary?groupBy=classification&level=4", "level"),
        Arguments.of("/fiscal/summary?groupBy=region&level=2", "level"),
        Arguments.of(
            "/fiscal/summary?groupBy=year&stage=FINAL&budgetType=GENERAL_PUBLIC&direction=REVENUE&sort=name",
            "sort"),
        Arguments.of("/fiscal/summary?groupBy=year", "stage"),
        Arguments.of("/fiscal/summary?groupBy=year,year", "groupBy"),
        Arguments.of("/fiscal/summary?groupBy=year,stage,region", "groupBy"),
        Arguments.of("/fiscal/execution?year=2024", "budgetType"),
        Arguments.of("/fiscal/execution?level=0", "level"),
        Arguments.of("/fiscal/execution?year=abcd", "year"),
        Arguments.of("/fiscal/three-public-expenses?stage=SPENT", "stage"),
        Arguments.of("/fiscal/three-public-expenses?size=1001", "size"),
        Arguments.of("/datasets?theme=culture", "theme"),
        Arguments.of("/datasets?format=xml", "format"),
        Arguments.of("/datasets?region=000000", "region"),
        Arguments.of("/datasets?q=" + "预".repeat(101), "q"),
        Arguments.of("/datasets/NOT_AN_ID", "datasetId"),
        Arguments.of("/statistics/indicators?frequency=W", "frequency"),
        Arguments.of("/statistics/observations?indicator=NO_SUCH", "indicator"),
        Arguments.of("/statistics/observations?from=2024Q5", "from"),
        Arguments.of("/statistics/observations?to=2024-13", "to"),
        Arguments.of("/statistics/observations?from=2024&to=2023", "from"),
        Arguments.of("/statistics/observations?asOf=2024-06-31", "asOf"),
        Arguments.of("/statistics/observations?asOf=June", "asOf"),
        Arguments.of("/statistics/observations?status=DRAFT", "status"),
        Arguments.of("/statistics/observations?cursor=abc", "cursor"),
        Arguments.of("/reference/regions?level=village", "level"),
        Arguments.of("/reference/classifications?level=5", "level"),
        // issue #8 item 2: undecodable query strings are the client's error, never a 500
        Arguments.of("/fiscal/items?year=%FF", "query"),
        Arguments.of("/fiscal/items?format=%FF", "query"),
        Arguments.of("/statistics/observations?asOf=%FF", "query"),
        Arguments.of("/datasets?q=%C0%80", "query"),
        Arguments.of("/datasets?q=%ED%A0%80", "query"),
        Arguments.of("/fiscal/items?%FF=1", "query"),
        // issue #8 item 11: deep numbered pages point to the cursor
        Arguments.of("/fiscal/items?page=1000000&size=1000", "page"));
  }

  @ParameterizedTest(name = "{0} → 400 on {1}")
  @MethodSource("badRequests")
  void badInputIsA400ProblemNamingTheParameter(String pathAndQuery, String parameter) {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JsonPath.<String>read(response.body(), "$.type"))
        .endsWith("/problems/invalid-parameter");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
        .contains(parameter);
    assertThat(JsonPath.<String>read(response.body(), "$.detail")).isNotBlank();
  }

  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void problemsAreJsonWhateverTheClientAccepts(String accept) {
    HttpResponse<String> response = get("/fiscal/items?year=abcd", "Accept", accept);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  static Stream<String> acceptHeaders() {
    return Stream.of("text/csv", "application/json", "*/*");
  }
}
