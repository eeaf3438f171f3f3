package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;

class YearsTest {

  @Test
  void yearRanges() {
    assertThat(Years.of(2024, null, null)).isEqualTo(new Years(2024, 2024));
    assertThat(Years.of(null, 2020, null)).isEqualTo(new Years(2020, null));
    assertThatThrownBy(() -> Years.of(2024, 2020, null)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Years.of(null, 2025, 2020)).isInstanceOf(ApiException.class);
  }
}
