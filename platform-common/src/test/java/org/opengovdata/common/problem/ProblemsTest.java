package org.opengovdata.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

  /** Issue #8 item 9: echoes are bounded and no library class name reaches a client. */
  @Test
  void item9EchoedValuesAreTruncatedAndClassNamesNeverInDetail() {
    String huge = "预".repeat(10_000);
    ProblemDetail problem =
        ApiException.invalidParameter(
                "q" + "x".repeat(1000),
                "'%s' is not a valid java.time.LocalDate for parameter 'q'".formatted(huge))
            .with("value", huge)
            .toProblem();
    Problems.complete(problem, "/api/v1/catalog/datasets", "req-1");

    assertThat(problem.getDetail())
        .hasSizeLessThan(Problems.MAX_ECHO + 100)
        .doesNotContain("java.time")
        .contains("预".repeat(Problems.MAX_ECHO - 1) + "…")
        .doesNotContain("预".repeat(Problems.MAX_ECHO));
    Map<String, Object> properties = problem.getProperties();
    assertThat((String) properties.get("value")).hasSize(Problems.MAX_ECHO + 1);
    FieldError error = (FieldError) ((List<?>) properties.get("errors")).get(0);
    assertThat(error.parameter()).hasSize(Problems.MAX_ECHO + 1);
    assertThat(error.detail()).hasSizeLessThan(Problems.MAX_ECHO + 100).doesNotContain("java.");
    assertThat(Problems.bounded("word ".repeat(1000))).hasSize(Problems.MAX_DETAIL + 1);
    assertThat(Problems.bounded("year must be between 1949 and 2100"))
        .isEqualTo("year must be between 1949 and 2100");
  }
}
