package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;

/**
 * One group of {@code /fiscal/summary}: the sum of its line items, which are all of one budget
 * type, one stage and one direction (stated in the row).
 */
record SummaryRow(
    String key,
    String name,
    Integer level,
    String subKey,
    String subName,
    BudgetType budgetType,
    Stage stage,
    Direction direction,
    BigDecimal amount,
    long itemCount) {}
