package org.opengovdata.common.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.paging.Keyset.Column;

class KeysetTest {

  @Test
  void sameDirectionIsOneRowValueComparison() {
    var predicate =
        Keyset.after(
            List.of(new Column("year", false), new Column("region_code", false)),
            List.of(2024, "150600"));
    assertThat(predicate.sql()).isEqualTo("(year, region_code) > (?, ?)");
    assertThat(predicate.parameters()).containsExactly(2024, "150600");

    var descending =
        Keyset.after(List.of(new Column("a", true), new Column("b", true)), List.of(1, 2));
    assertThat(descending.sql()).isEqualTo("(a, b) < (?, ?)");
  }

  @Test
  void mixedDirectionsExpandToDisjunction() {
    var predicate =
        Keyset.after(
            List.of(new Column("amount", true), new Column("year", false), new Column("id", false)),
            List.of(10, 2024, 7));
    assertThat(predicate.sql())
        .isEqualTo(
            "((amount < ?) or (amount = ? and year > ?) or (amount = ? and year = ? and id > ?))");
    assertThat(predicate.parameters()).containsExactly(10, 10, 2024, 10, 2024, 7);
  }

  @Test
  void orderByFollowsTheColumns() {
    assertThat(Keyset.orderBy(List.of(new Column("amount", true), new Column("id", false))))
        .isEqualTo("amount desc, id asc");
  }
}
