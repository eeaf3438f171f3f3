package org.opengovdata.catalog.fiscal;

/** What {@code /fiscal/summary} sums by. */
enum GroupBy {
  CLASSIFICATION,
  REGION,
  BUDGET_TYPE,
  YEAR;

  /** The SQL expression of the group key; {@code level} applies to classification only. */
  String keyExpression(int level) {
    return switch (this) {
      case CLASSIFICATION -> {
        int length = 2 * level + 1;
        yield "(case when length(classification_code) > %d then left(classification_code, %d)"
                .formatted(length, length)
            + " else classification_code end)";
      }
      case REGION -> "region_code";
      case BUDGET_TYPE -> "budget_type";
      case YEAR -> "year::text";
    };
  }
}
