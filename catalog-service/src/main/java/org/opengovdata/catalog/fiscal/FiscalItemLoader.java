package org.opengovdata.catalog.fiscal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.dataset.DatasetVersion;
import org.opengovdata.catalog.load.LoadLog;
import org.opengovdata.catalog.load.LoadResult;
import org.opengovdata.catalog.load.RowErrors;
import org.opengovdata.catalog.load.RowValidator;
import org.opengovdata.catalog.load.StagedLoad;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code POST /fiscal/items/bulk}: a file of line items loaded whole in one transaction, or
 * rejected whole with a row-by-row report ({@link StagedLoad}). Beyond each row's cells, SQL over
 * the staged rows finds duplicate keys and double counting.
 */
@Service
class FiscalItemLoader extends StagedLoad<FiscalItemRow> {

  private static final List<String> COLUMNS =
      List.of("year", "region", "budgetType", "stage", "direction", "classification", "amount");

  private final JdbcTemplate jdbc;
  private final DatasetCatalog catalog;
  private final FiscalItemValidator validator;

  FiscalItemLoader(
      JdbcTemplate jdbc, LoadLog log, ReferenceData reference, DatasetCatalog catalog) {
    super(
        jdbc,
        log,
        "fiscal-items",
        "fiscal_item_load",
        """
        row_no bigint, year smallint, region_code text, budget_type text, stage text,
        direction text, classification_code text, amount numeric(18, 2)""",
        COLUMNS,
        List.of());
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.validator = new FiscalItemValidator(reference);
  }

  @Override
  protected RowValidator<FiscalItemRow> validator() {
    return validator;
  }

  @Override
  protected void check(RowErrors errors) {
    findDuplicates(errors);
    findDoubleCounting(errors);
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

  @Override
  protected LoadResult merge(long rows) {
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
}
