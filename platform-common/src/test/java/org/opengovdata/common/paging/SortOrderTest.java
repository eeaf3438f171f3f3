package org.opengovdata.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;

class SortOrderTest {

  private static final List<String> ALLOWED = List.of("year", "amount", "regionCode");

  @Test
  void parsesDirectionsAndAppendsTieBreakers() {
    SortOrder order =
        SortOrder.parse("sort", "-amount,year", ALLOWED, SortOrder.of("year"))
            .thenBy(SortOrder.of("year", "regionCode"));
    assertThat(order.toString()).isEqualTo("-amount,year,regionCode");
  }

  @Test
  void blankMeansDefault() {
    assertThat(SortOrder.parse("sort", null, ALLOWED, SortOrder.of("-year")).toString())
        .isEqualTo("-year");
  }

  @Test
  void unknownAndRepeatedFieldsAre400() {
    assertThatThrownBy(() -> SortOrder.parse("sort", "title", ALLOWED, SortOrder.of("year")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'title' is not a sort field");
    assertThatThrownBy(() -> SortOrder.parse("sort", "year,-year", ALLOWED, SortOrder.of("year")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("twice");
  }
}
