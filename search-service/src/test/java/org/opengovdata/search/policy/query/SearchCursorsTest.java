package org.opengovdata.search.policy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;

class SearchCursorsTest {

  private final SearchCursors cursors =
      new SearchCursors("a-test-secret-that-is-long-enough-0123456789");
  private final List<Object> values =
      Arrays.asList(3.25, 1717200000000L, "6f1c…-id|with|bars", null);

  @Test
  void aCursorRoundTrips() {
    String cursor = cursors.encode("q=预算", values);
    assertThat(cursor).matches("^[A-Za-z0-9_.-]+$");
    assertThat(cursors.decode(cursor, "q=预算", 4)).isEqualTo(values);
  }

  @Test
  void anAlteredCursorIsRejected() {
    String cursor = cursors.encode("q=预算", values);
    for (int i = 0; i < cursor.length(); i++) {
      char c = cursor.charAt(i);
      if (c == '.') {
        continue;
      }
      String altered = cursor.substring(0, i) + (c == 'x' ? 'y' : 'x') + cursor.substring(i + 1);
      assertThatThrownBy(() -> cursors.decode(altered, "q=预算", 4))
          .as("position %d", i)
          .isInstanceOf(ApiException.class);
    }
  }

  @Test
  void aCursorOfAnotherQueryOrAnotherKeyIsRejected() {
    String cursor = cursors.encode("q=预算", values);
    assertThatThrownBy(() -> cursors.decode(cursor, "q=决算", 4))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("other parameters");
    SearchCursors otherKey = new SearchCursors("another-secret-that-is-long-enough-987654321");
    assertThatThrownBy(() -> otherKey.decode(cursor, "q=预算", 4)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> cursors.decode(cursor, "q=预算", 3)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> cursors.decode("garbage", "q=预算", 4)).isInstanceOf(ApiException.class);
  }
}
