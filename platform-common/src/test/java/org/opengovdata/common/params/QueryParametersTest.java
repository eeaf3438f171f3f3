package org.opengovdata.common.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.springframework.http.ProblemDetail;

class QueryParametersTest {

  private static final Set<String> FISCAL =
      Set.of("year", "yearFrom", "yearTo", "region", "budgetType", "stage", "size", "sort");

  @Test
  void declaredParametersPass() {
    assertThatCode(() -> QueryParameters.check(List.of("year", "region"), FISCAL))
        .doesNotThrowAnyException();
  }

  @Test
  void aMisspelledParameterIs400WithASuggestionAndTheAcceptedOnes() {
    ProblemDetail problem = problem(List.of("yaer"), FISCAL);

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString()).endsWith("/problems/invalid-parameter");
    assertThat(problem.getDetail())
        .startsWith("unknown query parameter 'yaer' — did you mean 'year'?")
        .contains("accepted: budgetType, region, size, sort, stage, year, yearFrom, yearTo");
    Map<String, Object> properties = problem.getProperties();
    assertThat((List<?>) properties.get("errors"))
        .extracting(e -> ((FieldError) e).parameter())
        .containsExactly("yaer");
    assertThat(properties.get("acceptedParameters")).asString().contains("year", "budgetType");
  }

  @Test
  void suggestionsIgnoreCaseAndSeparators() {
    assertThat(QueryParameters.suggestion("budget_type", FISCAL)).hasValue("budgetType");
    assertThat(QueryParameters.suggestion("REGION", FISCAL)).hasValue("region");
    assertThat(QueryParameters.suggestion("regionCode", FISCAL)).isEmpty();
    assertThat(QueryParameters.suggestion("yearfrm", FISCAL)).hasValue("yearFrom");
    assertThat(QueryParameters.suggestion("q", FISCAL)).isEmpty();
  }

  @Test
  void everyUnknownParameterIsListed() {
    ProblemDetail problem = problem(List.of("regionCode", "year", "budget_type"), FISCAL);
    assertThat((List<?>) problem.getProperties().get("errors"))
        .extracting(e -> ((FieldError) e).parameter())
        .containsExactly("regionCode", "budget_type");
  }

  @Test
  void theEchoOfALongNameIsCappedAt256Characters() {
    String name = "x".repeat(10_000);
    ProblemDetail problem = problem(List.of(name), FISCAL);
    FieldError error = (FieldError) ((List<?>) problem.getProperties().get("errors")).get(0);
    assertThat(error.parameter()).hasSize(QueryParameters.MAX_ECHO).endsWith("…");
    assertThat(problem.getDetail()).hasSizeLessThan(QueryParameters.MAX_ECHO + 200);
  }

  @Test
  void anOperationWithoutParametersSaysSo() {
    assertThat(problem(List.of("verbose"), Set.of()).getDetail())
        .isEqualTo("unknown query parameter 'verbose'; this operation takes no query parameters");
  }

  @Test
  void distanceCountsTranspositionsOnce() {
    assertThat(QueryParameters.distance("yaer", "year")).isEqualTo(1);
    assertThat(QueryParameters.distance("sise", "size")).isEqualTo(1);
    assertThat(QueryParameters.distance("", "abc")).isEqualTo(3);
  }

  private static ProblemDetail problem(List<String> given, Set<String> accepted) {
    try {
      QueryParameters.check(given, accepted);
    } catch (ApiException e) {
      return e.toProblem();
    }
    throw new AssertionError("no problem for " + given);
  }
}
