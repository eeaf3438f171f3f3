package org.opengovdata.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

class KeysetCursorTest {

  private static final String QUERY = "year=2024&region=150600|sort=year,regionCode";

  @Test
  void roundTripsValuesIncludingSeparatorsAndChinese() {
    List<String> values = List.of("2024", "150600", "a|b", "教育支出", "");
    String cursor = KeysetCursor.encode(QUERY, values);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(KeysetCursor.decode(cursor, QUERY, 5)).isEqualTo(values);
  }

  @Test
  void cursorOfAnotherQueryIsRejectedNamingTheParameter() {
    String cursor = KeysetCursor.encode(QUERY, List.of("2024"));
    assertThatThrownBy(() -> KeysetCursor.decode(cursor, "year=2023", 1))
        .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor)
        .hasMessageContaining("other filters");
  }

  @Test
  void garbageTruncatedAndWrongArityAreRejected() {
    String cursor = KeysetCursor.encode(QUERY, List.of("2024", "150600"));
    for (String bad :
        List.of("not-base64!", "abc", cursor.substring(0, cursor.length() - 4), "AAAA")) {
      assertThatThrownBy(() -> KeysetCursor.decode(bad, QUERY, 2))
          .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor);
    }
    assertThatThrownBy(() -> KeysetCursor.decode(cursor, QUERY, 3))
        .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor);
  }

  private static void namesCursor(ApiException e) {
    assertThat(e.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(e.toProblem().getProperties().get("errors").toString()).contains("cursor");
  }
}
