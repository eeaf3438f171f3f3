package org.opengovdata.catalog.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;

class ParamsTest {

  @Test
  void instantsWithOrWithoutOffsetOrAsDates() {
    assertThat(Params.instant("m", "2024-06-01T16:00:00+08:00"))
        .isEqualTo(OffsetDateTime.parse("2024-06-01T08:00:00Z"));
    assertThat(Params.instant("m", "2024-06-01T08:00"))
        .isEqualTo(OffsetDateTime.parse("2024-06-01T08:00:00Z"));
    assertThat(Params.instant("m", "2024-06-01"))
        .isEqualTo(OffsetDateTime.parse("2024-06-01T00:00:00Z"));
    assertThat(Params.instant("m", null)).isNull();
    assertThatThrownBy(() -> Params.instant("modifiedSince", "2024-02-30"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("2024-02-30");
  }
}
