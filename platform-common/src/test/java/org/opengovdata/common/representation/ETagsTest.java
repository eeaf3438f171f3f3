package org.opengovdata.common.representation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void strongTagIsQuotedStableAndSensitiveToEveryPart() {
    String tag = ETags.strong("fiscal:3", "/items?year=2024", "text/csv");
    assertThat(tag).matches("\"[A-Za-z0-9_-]{27}\"");
    assertThat(ETags.strong("fiscal:3", "/items?year=2024", "text/csv")).isEqualTo(tag);
    assertThat(ETags.strong("fiscal:4", "/items?year=2024", "text/csv")).isNotEqualTo(tag);
    assertThat(ETags.strong("fiscal:3", "/items?year=2024", "application/json")).isNotEqualTo(tag);
  }

  @Test
  void ifNoneMatchUsesWeakComparisonListsAndStar() {
    String tag = "\"abc\"";
    assertThat(ETags.matches("\"abc\"", tag)).isTrue();
    assertThat(ETags.matches("W/\"abc\"", tag)).isTrue();
    assertThat(ETags.matches("\"x\", \"abc\"", tag)).isTrue();
    assertThat(ETags.matches("*", tag)).isTrue();
    assertThat(ETags.matches("\"abd\"", tag)).isFalse();
    assertThat(ETags.matches(null, tag)).isFalse();
  }
}
