package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import org.opengovdata.catalog.load.CsvRows;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.load.RowValidator;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;

/**
 * One line of a line-item file, checked cell by cell: every problem of the row is reported, not
 * only the first. Enum columns accept the code or the Chinese name (政府性基金预算, 决算, 支出).
 */
final class FiscalItemValidator implements RowValidator<FiscalItemRow> {

  private static final BigDecimal LIMIT = new BigDecimal("1E16");

  private final ReferenceData reference;

  FiscalItemValidator(ReferenceData reference) {
    this.reference = reference;
  }

  @Override
  public FiscalItemRow validate(CsvRows.Row row, RowErrors errors) {
    long n = row.number();
    Integer year = parseYear(row.get("year"));
    if (year == null) {
      errors.add(n, "year", row.get("year"), "year must be a whole number from 1949 to 2100");
    }
    Region region = reference.region(row.get("region")).orElse(null);
    if (region == null) {
      errors.add(
          n, "region", row.get("region"), "unknown region code '%s'".formatted(row.get("region")));
    }
    BudgetType budgetType = BudgetType.parse(row.get("budgetType")).orElse(null);
    if (budgetType == null) {
      errors.add(
          n,
          "budgetType",
          row.get("budgetType"),
          "budgetType must be one of GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL,"
              + " SOCIAL_INSURANCE (or 一般公共预算, 政府性基金预算, 国有资本经营预算, 社会保险基金预算)");
    }
    Stage stage = Stage.parse(row.get("stage")).orElse(null);
    if (stage == null) {
      errors.add(
          n, "stage", row.get("stage"), "stage must be BUDGET, ADJUSTED or FINAL (预算, 调整预算, 决算)");
    }
    Direction direction = Direction.parse(row.get("direction")).orElse(null);
    if (direction == null) {
      errors.add(
          n,
          "direction",
          row.get("direction"),
          "direction must be REVENUE or EXPENDITURE (收入, 支出)");
    }
    Classification classification = classification(row, direction, errors);
    BigDecimal amount = parseAmount(row.get("amount"));
    if (amount == null) {
      errors.add(
          n,
          "amount",
          row.get("amount"),
          "amount must be a number in 万元 with at most two decimals, e.g. 38211.57");
    }
    if (year == null
        || region == null
        || budgetType == null
        || stage == null
        || direction == null
        || classification == null
        || amount == null) {
      return null;
    }
    return new FiscalItemRow(
        n, year, region.code(), budgetType, stage, direction, classification.code(), amount);
  }

  /** The code, known and of the row's direction (a revenue code on an expenditure row is not). */
  private Classification classification(CsvRows.Row row, Direction direction, RowErrors errors) {
    String code = row.get("classification");
    Classification classification = reference.classification(code).orElse(null);
    if (classification == null) {
      errors.add(
          row.number(), "classification", code, "unknown classification code '%s'".formatted(code));
    } else if (direction != null && classification.revenue() != (direction == Direction.REVENUE)) {
      errors.add(
          row.number(),
          "classification",
          code,
          "'%s' %s is a %s code, the row says %s"
              .formatted(
                  code,
                  classification.name(),
                  classification.revenue() ? "revenue" : "expenditure",
                  direction));
      return null;
    }
    return classification;
  }

  private static Integer parseYear(String text) {
    try {
      int year = Integer.parseInt(text);
      return year >= 1949 && year <= 2100 ? year : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static BigDecimal parseAmount(String text) {
    try {
      BigDecimal amount = new BigDecimal(text);
      if (amount.scale() > 2
          || amount.abs().compareTo(LIMIT) >= 0
          || text.contains("e")
          || text.contains("E")) {
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
