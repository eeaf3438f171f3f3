package org.opengovdata.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

class KeysetCursorTest {

  private static final String QUERY = "year=2024&region=150600|sort=year,regionCode";
  private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

  private final KeysetCursor cursors = KeysetCursor.signedWith(SECRET, "test-list");

  @Test
  void roundTripsValuesIncludingSeparatorsAndChinese() {
    List<String> values = List.of("2024", "150600", "a|b", "教育支出", "");
    String cursor = cursors.encode(QUERY, values);
    assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(cursors.decode(cursor, QUERY, 5)).isEqualTo(values);
  }

  @Test
  void cursorOfAnotherQueryIsRejectedNamingTheParameter() {
    String cursor = cursors.encode(QUERY, List.of("2024"));
    assertThatThrownBy(() -> cursors.decode(cursor, "year=2023", 1))
        .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor)
        .hasMessageContaining("other filters");
  }

  /** Issue #8 item 1: a cursor is signed; editing, forging or another key's cursor is a 400. */
  @Test
  void item1CursorsAreSignedSoForgedOrEditedCursorsAreRejected() {
    String cursor = cursors.encode(QUERY, List.of("2024", "38211.57"));
    String payload = cursor.substring(0, cursor.indexOf('.'));
    String signature = cursor.substring(cursor.indexOf('.') + 1);
    // the value swapped for one a client would like the database to chew on
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload))
                    .replace("38211.57", "1E-4000000")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String forged :
        List.of(
            forgedPayload + "." + signature,
            forgedPayload,
            payload,
            KeysetCursor.signedWith("another-secret-that-is-long-enough-987654321", "test-list")
                .encode(QUERY, List.of("2024", "1E-4000000")),
            KeysetCursor.signedWith(SECRET, "another-list")
                .encode(QUERY, List.of("2024", "1E-4000000")),
            "x".repeat(KeysetCursor.MAX_LENGTH + 1))) {
      assertThatThrownBy(() -> cursors.decode(forged, QUERY, 2))
          .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor)
          .hasMessageContaining("altered");
    }
    assertThat(cursors.decode(cursor, QUERY, 2)).containsExactly("2024", "38211.57");
  }

  @Test
  void garbageTruncatedAndWrongArityAreRejected() {
    String cursor = cursors.encode(QUERY, List.of("2024", "150600"));
    for (String bad :
        List.of("not-base64!", "abc", cursor.substring(0, cursor.length() - 4), "AAAA")) {
      assertThatThrownBy(() -> cursors.decode(bad, QUERY, 2))
          .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor);
    }
    assertThatThrownBy(() -> cursors.decode(cursor, QUERY, 3))
        .isInstanceOfSatisfying(ApiException.class, KeysetCursorTest::namesCursor);
  }

  private static void namesCursor(ApiException e) {
    assertThat(e.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(e.toProblem().getProperties().get("errors").toString()).contains("cursor");
  }
}
