package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiscalItemValidatorTest {

  @Test
  void amountsAreDecimalsInWanYuanWithAtMostTwoPlaces() {
    assertThat(FiscalItemValidator.parseAmount("38211.57")).isEqualByComparingTo("38211.57");
    assertThat(FiscalItemValidator.parseAmount("800")).isEqualByComparingTo("800");
    assertThat(FiscalItemValidator.parseAmount("-12.5")).isEqualByComparingTo("-12.5");
    assertThat(FiscalItemValidator.parseAmount("1.005")).isNull();
    assertThat(FiscalItemValidator.parseAmount("1e5")).isNull();
    assertThat(FiscalItemValidator.parseAmount("12,000")).isNull();
    assertThat(FiscalItemValidator.parseAmount("十二万")).isNull();
    assertThat(FiscalItemValidator.parseAmount("")).isNull();
    assertThat(FiscalItemValidator.parseAmount("10000000000000000")).isNull();
  }

  @Test
  void enumColumnsAcceptCodesAndChineseNames() {
    assertThat(BudgetType.parse("政府性基金预算")).contains(BudgetType.GOVERNMENT_FUND);
    assertThat(BudgetType.parse("STATE_CAPITAL")).contains(BudgetType.STATE_CAPITAL);
    assertThat(Stage.parse("调整预算")).contains(Stage.ADJUSTED);
    assertThat(Direction.parse("收入")).contains(Direction.REVENUE);
    assertThat(Stage.parse("final")).isEmpty();
  }
}
