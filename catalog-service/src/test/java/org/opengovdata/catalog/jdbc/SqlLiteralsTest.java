package org.opengovdata.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

  @Test
  void parametersBecomeLiteralsInOrder() {
    assertThat(
            SqlLiterals.inline(
                "year >= ? and region_code in (?, ?) and modified > ? and d = ?",
                List.of(
                    2020,
                    "150600",
                    "150602",
                    OffsetDateTime.parse("2024-01-02T03:04:05Z"),
                    LocalDate.parse("2024-12-31"))))
        .isEqualTo(
            "year >= 2020 and region_code in ('150600', '150602')"
                + " and modified > '2024-01-02T03:04:05Z'::timestamptz and d = '2024-12-31'::date");
  }

  @Test
  void questionMarksInQuotedLiteralsAreNotParameters() {
    assertThat(SqlLiterals.inline("a !~ '^[+-]?[0-9]+' and b = ? and c = 'it''s?'", List.of(7)))
        .isEqualTo("a !~ '^[+-]?[0-9]+' and b = 7 and c = 'it''s?'");
  }

  @Test
  void quotesInTextCannotEndTheLiteral() {
    assertThat(SqlLiterals.inline("name = ?", List.of("x' or '1'='1")))
        .isEqualTo("name = 'x'' or ''1''=''1'");
    assertThat(SqlLiterals.inline("name = ?", List.of("a\\'b"))).isEqualTo("name = 'a\\''b'");
  }

  @Test
  void unknownTypesAndMiscountsAreRefused() {
    assertThatThrownBy(() -> SqlLiterals.inline("a = ?", List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiterals.inline("a = ? and b = ?", List.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiterals.inline("a = ?", List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
