package org.opengovdata.catalog.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiscalItemLoaderTest {

  @Test
  void amountsAreDecimalsInWanYuanWithAtMostTwoPlaces() {
    assertThat(FiscalItemLoader.parseAmount("38211.57")).isEqualByComparingTo("38211.57");
    assertThat(FiscalItemLoader.parseAmount("800")).isEqualByComparingTo("800");
    assertThat(FiscalItemLoader.parseAmount("-12.5")).isEqualByComparingTo("-12.5");
    assertThat(FiscalItemLoader.parseAmount("1.005")).isNull();
    assertThat(FiscalItemLoader.parseAmount("1e5")).isNull();
    assertThat(FiscalItemLoader.parseAmount("12,000")).isNull();
    assertThat(FiscalItemLoader.parseAmount("十二万")).isNull();
    assertThat(FiscalItemLoader.parseAmount("")).isNull();
    assertThat(FiscalItemLoader.parseAmount("10000000000000000")).isNull();
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
