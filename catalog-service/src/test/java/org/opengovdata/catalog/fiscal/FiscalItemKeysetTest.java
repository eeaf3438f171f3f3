package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;

/** The line items' sort keys and cursors. */
class FiscalItemKeysetTest {

  private static final KeysetCursor CURSORS =
      KeysetCursor.signedWith("a-test-secret-that-is-long-enough-0123456789", "catalog-lists");

  private static final FiscalItem ITEM =
      new FiscalItem(
          7,
          2024,
          "150602",
          "东胜区",
          BudgetType.GENERAL_PUBLIC,
          Stage.FINAL,
          Direction.EXPENDITURE,
          "2050202",
          "小学教育",
          3,
          new BigDecimal("38211.57"),
          OffsetDateTime.parse("2026-03-15T02:30:00Z"));

  @Test
  void theDefaultOrderIsTheUniqueKeyAndOtherOrdersEndWithIt() {
    assertThat(FiscalItemColumns.SORT.sort(null).toString())
        .isEqualTo("year,regionCode,budgetType,stage,direction,classificationCode");
    assertThat(FiscalItemColumns.SORT.sort("-amount,regionCode").toString())
        .isEqualTo("-amount,regionCode,year,budgetType,stage,direction,classificationCode");
    assertThat(FiscalItemColumns.SORT.orderBy(FiscalItemColumns.SORT.sort("-amount")))
        .startsWith("amount desc, year asc, region_code asc");
  }

  @Test
  void aCursorCarriesTypedKeyValues() {
    SortOrder sort = FiscalItemColumns.SORT.sort("-amount,modified");
    String cursor = FiscalItemColumns.SORT.encode(CURSORS, ITEM, "filter", sort);
    List<Object> key = FiscalItemColumns.SORT.decode(CURSORS, cursor, "filter", sort);
    assertThat(key.get(0)).isEqualTo(new BigDecimal("38211.57"));
    assertThat(key.get(1)).isEqualTo(OffsetDateTime.parse("2026-03-15T02:30:00Z"));
    assertThat(key.get(2)).isEqualTo(2024);
    assertThat(key).hasSize(8);
  }

  @Test
  void aCursorForAnotherSortOrWithUnparsableValuesIs400() {
    String cursor =
        FiscalItemColumns.SORT.encode(CURSORS, ITEM, "filter", FiscalItemColumns.SORT.sort(null));
    assertThatThrownBy(
            () ->
                FiscalItemColumns.SORT.decode(
                    CURSORS, cursor, "filter", FiscalItemColumns.SORT.sort("-year")))
        .isInstanceOf(ApiException.class);
    SortOrder sort = FiscalItemColumns.SORT.sort(null);
    String forged = CURSORS.encode("filter|" + sort, List.of("20x4", "1", "2", "3", "4", "5"));
    assertThatThrownBy(() -> FiscalItemColumns.SORT.decode(CURSORS, forged, "filter", sort))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("malformed or altered cursor");
  }

  /**
   * Issue #8 item 1: even a correctly signed cursor (a leaked secret) cannot carry values outside
   * the columns' range — {@code 1E-4000000} held a pooled connection for seconds inside the
   * PostgreSQL driver, {@code 1E-999999999} was a 500.
   */
  @Test
  void item1DecodedCursorValuesAreRangeChecked() {
    SortOrder sort = FiscalItemColumns.SORT.sort("-amount");
    for (List<String> values :
        List.of(
            List.of("1E-4000000", "2024", "150602", "GENERAL_PUBLIC", "FINAL", "EXPENDITURE", "1"),
            List.of(
                "1E-999999999", "2024", "150602", "GENERAL_PUBLIC", "FINAL", "EXPENDITURE", "1"),
            List.of(
                "1E+999999999", "2024", "150602", "GENERAL_PUBLIC", "FINAL", "EXPENDITURE", "1"),
            List.of("1.5", "99999", "150602", "GENERAL_PUBLIC", "FINAL", "EXPENDITURE", "1"),
            List.of(
                "1.5", "2024", "1".repeat(500), "GENERAL_PUBLIC", "FINAL", "EXPENDITURE", "1"))) {
      String signed = CURSORS.encode("filter|" + sort, values);
      assertThatThrownBy(() -> FiscalItemColumns.SORT.decode(CURSORS, signed, "filter", sort))
          .as(values.get(0))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("cursor");
    }
  }
}
