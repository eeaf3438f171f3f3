package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;

/** What {@code /fiscal/summary} sums by. */
enum GroupBy {
  CLASSIFICATION("classification", "classification_code"),
  REGION("region", "region_code"),
  BUDGET_TYPE("budgetType", "budget_type"),
  STAGE("stage", "stage"),
  DIRECTION("direction", "direction"),
  YEAR("year", "year");

  /**
   * The dimensions whose figures must never be added together (预算 + 调整预算 + 决算 is the same money
   * three times; the four budgets overlap through transfers; revenue is not expenditure): each is
   * either fixed by a filter or grouped by.
   */
  static final List<GroupBy> NEVER_ADDED = List.of(STAGE, BUDGET_TYPE, DIRECTION);

  private final String parameter;
  private final String column;

  GroupBy(String parameter, String column) {
    this.parameter = parameter;
    this.column = column;
  }

  /** The name of the query parameter that filters this dimension. */
  String parameter() {
    return parameter;
  }

  /** The SQL expression of the group key; {@code level} applies to classification only. */
  String keyExpression(int level) {
    return switch (this) {
      case CLASSIFICATION -> {
        int length = 2 * level + 1;
        yield "(case when length(classification_code) > %d then left(classification_code, %d)"
                .formatted(length, length)
            + " else classification_code end)";
      }
      case YEAR -> "year::text";
      default -> column;
    };
  }

  /** The Chinese name of a group key, null where a key has none (years). */
  String label(ReferenceData reference, String key) {
    return switch (this) {
      case CLASSIFICATION -> reference.classification(key).map(Classification::name).orElse(null);
      case REGION -> reference.region(key).map(Region::name).orElse(null);
      case BUDGET_TYPE -> BudgetType.valueOf(key).zh();
      case STAGE -> Stage.valueOf(key).zh();
      case DIRECTION -> Direction.valueOf(key).zh();
      case YEAR -> null;
    };
  }
}
