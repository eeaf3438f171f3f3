package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.dataset.DatasetVersion;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.load.CsvRows;
import org.opengovdata.catalog.load.LoadResult;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.reference.Classification;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /fiscal/items/bulk}: validates every row of a CSV file and loads it whole in one
 * transaction, or rejects it whole with a row-by-row report. Rows go through a temporary staging
 * table, so that duplicate keys and double counting are found by SQL and memory stays flat for
 * large files.
 */
@Service
class FiscalItemLoader {

  static final List<String> COLUMNS =
      List.of("year", "region", "budgetType", "stage", "direction", "classification", "amount");
  private static final int BATCH = 1000;
  private static final BigDecimal LIMIT = new BigDecimal("1E16");

  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final DatasetCatalog catalog;

  FiscalItemLoader(JdbcTemplate jdbc, ReferenceData reference, DatasetCatalog catalog) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.catalog = catalog;
  }

  @Transactional
  public LoadResult load(BulkUpload upload) {
    jdbc.execute(
        """
        create temporary table fiscal_item_load (
          row_no bigint, year smallint, region_code text, budget_type text, stage text,
          direction text, classification_code text, amount numeric(18, 2)) on commit drop
        """);
    RowErrors errors = new RowErrors();
    List<Object[]> batch = new ArrayList<>(BATCH);
    long rows =
        CsvRows.forEach(
            upload.reader(),
            COLUMNS,
            List.of(),
            errors,
            row -> {
              Object[] values = validate(row, errors);
              if (values != null && errors.isEmpty()) {
                batch.add(values);
                if (batch.size() == BATCH) {
                  stage(batch);
                }
              }
            });
    errors.rejectIfAny();
    stage(batch);
    findDuplicates(errors);
    findDoubleCounting(errors);
    errors.rejectIfAny();
    return merge(rows);
  }

  private Object[] validate(CsvRows.Row row, RowErrors errors) {
    long n = row.number();
    Integer year = parseYear(row.get("year"));
    if (year == null) {
      errors.add(n, "year", row.get("year"), "year must be a whole number from 1949 to 2100");
    }
    String region = row.get("region");
    if (reference.region(region).isEmpty()) {
      errors.add(n, "region", region, "unknown region code '%s'".formatted(region));
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
    String code = row.get("classification");
    Classification classification = reference.classification(code).orElse(null);
    if (classification == null) {
      errors.add(n, "classification", code, "unknown classification code '%s'".formatted(code));
    } else if (direction != null && classification.revenue() != (direction == Direction.REVENUE)) {
      errors.add(
          n,
          "classification",
          code,
          "'%s' %s is a %s code, the row says %s"
              .formatted(
                  code,
                  classification.name(),
                  classification.revenue() ? "revenue" : "expenditure",
                  direction));
    }
    BigDecimal amount = parseAmount(row.get("amount"));
    if (amount == null) {
      errors.add(
          n,
          "amount",
          row.get("amount"),
          "amount must be a number in 万元 with at most two decimals, e.g. 38211.57");
    }
    if (year == null
        || budgetType == null
        || stage == null
        || direction == null
        || classification == null
        || amount == null
        || reference.region(region).isEmpty()) {
      return null;
    }
    return new Object[] {
      n, year, region, budgetType.name(), stage.name(), direction.name(), code, amount
    };
  }

  private void stage(List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate("insert into fiscal_item_load values (?, ?, ?, ?, ?, ?, ?, ?)", batch);
      batch.clear();
    }
  }

  private void findDuplicates(RowErrors errors) {
    jdbc.query(
        """
        select row_no, classification_code,
               first_value(row_no) over (partition by year, region_code, budget_type, stage,
                 direction, classification_code order by row_no) as first_row
          from fiscal_item_load order by row_no
        """,
        rs -> {
          if (rs.getLong("first_row") != rs.getLong("row_no")) {
            errors.add(
                rs.getLong("row_no"),
                "classification",
                rs.getString("classification_code"),
                "duplicate key: row %d has the same year, region, budgetType, stage, direction and"
                        .formatted(rs.getLong("first_row"))
                    + " classification");
          }
        });
  }

  /** A code and one of its sub-codes both carrying an amount would count twice in every sum. */
  private void findDoubleCounting(RowErrors errors) {
    jdbc.query(
        """
        select l.row_no, l.classification_code, o.classification_code as other
          from fiscal_item_load l
          join (select year, region_code, budget_type, stage, direction, classification_code
                  from fiscal_item_load
                union
                select f.year, f.region_code, f.budget_type, f.stage, f.direction, f.classification_code
                  from fiscal_item f
                  join (select distinct year, region_code, budget_type, stage, direction
                          from fiscal_item_load) k using (year, region_code, budget_type, stage, direction)
               ) o using (year, region_code, budget_type, stage, direction)
         where o.classification_code <> l.classification_code
           and (o.classification_code like l.classification_code || '%'
                or l.classification_code like o.classification_code || '%')
         order by l.row_no
        """,
        rs -> {
          errors.add(
              rs.getLong("row_no"),
              "classification",
              rs.getString("classification_code"),
              ("'%s' and '%s' would both carry amounts for the same year, region, budget, stage and"
                      + " direction and count twice; load line items at one level per branch")
                  .formatted(rs.getString("classification_code"), rs.getString("other")));
        });
  }

  private LoadResult merge(long rows) {
    Set<String> changedBudgets = new TreeSet<>();
    long[] inserted = {0};
    long[] updated = {0};
    jdbc.query(
        """
        insert into fiscal_item (year, region_code, budget_type, stage, direction,
                                 classification_code, amount)
        select year, region_code, budget_type, stage, direction, classification_code, amount
          from fiscal_item_load
        on conflict on constraint fiscal_item_key do update
          set amount = excluded.amount, modified = now()
          where fiscal_item.amount is distinct from excluded.amount
        returning budget_type, (xmax = 0) as inserted
        """,
        rs -> {
          changedBudgets.add(rs.getString("budget_type"));
          if (rs.getBoolean("inserted")) {
            inserted[0]++;
          } else {
            updated[0]++;
          }
        });
    List<DatasetVersion> versions =
        changedBudgets.isEmpty()
            ? List.of()
            : catalog.recordUpdate(
                changedBudgets.stream().map(b -> BudgetType.valueOf(b).datasetId()).toList());
    return new LoadResult(rows, inserted[0], updated[0], rows - inserted[0] - updated[0], versions);
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
