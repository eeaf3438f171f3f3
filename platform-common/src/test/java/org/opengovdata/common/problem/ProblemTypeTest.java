package org.opengovdata.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @Test
  void everyStatusMapsToAKindWithTheSameStatus() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    assertThat(ProblemType.forStatus(429)).isEqualTo(ProblemType.RATE_LIMITED);
    assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(ProblemType.forStatus(410)).isEqualTo(ProblemType.GONE);
    assertThat(ProblemType.forStatus(500)).isEqualTo(ProblemType.INTERNAL);
  }

  @Test
  void unknownStatusesFallBackByClass() {
    assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(ProblemType.forStatus(507)).isEqualTo(ProblemType.INTERNAL);
  }

  @Test
  void typeUrisAreStableAndDistinct() {
    assertThat(ProblemType.NOT_FOUND.uri().toString())
        .isEqualTo("https://opendata.nmg.gov.cn/problems/not-found");
    assertThat(java.util.Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct())
        .hasSize(ProblemType.values().length);
  }
}
