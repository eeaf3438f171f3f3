package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExecutionRowTest {

  private static BigDecimal d(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  @Test
  void executionRateIsFinalOverBudgetInPercentRoundedHalfUp() {
    ExecutionRow row = new ExecutionRow("205", "教育支出", 1, d("1200.00"), d("1300.00"), d("1171.23"));
    assertThat(row.executionRate()).isEqualByComparingTo("97.60");
    assertThat(row.adjustedExecutionRate()).isEqualByComparingTo("90.09");
    assertThat(ExecutionRow.rate(d("1"), d("3"))).isEqualByComparingTo("33.33");
    assertThat(ExecutionRow.rate(d("2"), d("3"))).isEqualByComparingTo("66.67");
  }

  @Test
  void noRateWithoutBothFiguresOrWithAZeroBudget() {
    assertThat(new ExecutionRow("227", "预备费", 1, d("50.00"), d("50.00"), null).executionRate())
        .isNull();
    assertThat(new ExecutionRow("205", "教育支出", 1, null, d("1.00"), d("1.00")).executionRate())
        .isNull();
    assertThat(new ExecutionRow("205", "教育支出", 1, d("0.00"), d("0.00"), d("1.00")).executionRate())
        .isNull();
  }
}
