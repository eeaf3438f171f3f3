package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import org.opengovdata.catalog.load.StagedRow;

/** A validated line of a line-item file, as staged for {@link FiscalItemLoader}. */
record FiscalItemRow(
    long row,
    int year,
    String regionCode,
    BudgetType budgetType,
    Stage stage,
    Direction direction,
    String classificationCode,
    BigDecimal amount)
    implements StagedRow {

  @Override
  public String datasetId() {
    return budgetType.datasetId();
  }

  @Override
  public Object[] values() {
    return new Object[] {
      row,
      year,
      regionCode,
      budgetType.name(),
      stage.name(),
      direction.name(),
      classificationCode,
      amount
    };
  }
}
