package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A budget or final-account line item, amount in 万元. */
record FiscalItem(
    long id,
    int year,
    String regionCode,
    String regionName,
    BudgetType budgetType,
    Stage stage,
    Direction direction,
    String classificationCode,
    String classificationName,
    int classificationLevel,
    BigDecimal amount,
    OffsetDateTime modified) {

  static final String UNIT = "万元";
}
