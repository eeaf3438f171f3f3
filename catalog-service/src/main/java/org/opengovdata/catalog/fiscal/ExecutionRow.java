package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budget execution of one classification: the 预算, 调整预算 and 决算 sums (null when no line item of that
 * stage exists) and the execution rates in percent.
 */
record ExecutionRow(
    String code,
    String name,
    int level,
    BigDecimal budget,
    BigDecimal adjusted,
    BigDecimal finalAmount) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** 决算 ÷ 预算 in percent, two decimals; null when either is missing or the budget is zero. */
  BigDecimal executionRate() {
    return rate(finalAmount, budget);
  }

  /** 决算 ÷ 调整预算 in percent. */
  BigDecimal adjustedExecutionRate() {
    return rate(finalAmount, adjusted);
  }

  static BigDecimal rate(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
