package org.opengovdata.catalog.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.KeyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline every bulk load shares, written once: a file is loaded whole in one transaction or
 * rejected whole with a row-by-row report, in constant memory whatever its size.
 *
 * <ol>
 *   <li>a temporary staging table is created (dropped at commit);
 *   <li>the header is checked, then every row is validated into a typed row ({@link #validator()});
 *       valid rows are staged in batches of {@value #BATCH}. Once a row fails nothing more is
 *       staged, but validation goes on, so the report lists every bad row of the file;
 *   <li>any error: a 400 with the report ({@link RowErrors}), and the transaction rolls back;
 *   <li>the load's set-based checks run over the staged rows in SQL ({@link #check}) — duplicate
 *       keys, conflicts with rows already stored — and may report more rows;
 *   <li>any error: the 400 again;
 *   <li>{@link #merge} moves the staged rows into the real table and says what changed.
 * </ol>
 *
 * A load extends this class with its table, validator, checks and merge, and keeps {@code load} as
 * its entry point.
 *
 * @param <T> a validated row
 */
public abstract class StagedLoad<T extends StagedRow> {

  static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final LoadLog log;
  private final String resource;
  private final String table;
  private final String columns;
  private final List<String> required;
  private final List<String> optional;

  /**
   * @param log where every load records who made it
   * @param resource the loaded resource's name in that record ({@code fiscal-items}, …)
   * @param table the staging table's name
   * @param columns its column definitions, in the order of {@link StagedRow#values()}
   * @param required the CSV columns a file must have
   * @param optional the CSV columns it may have
   */
  protected StagedLoad(
      JdbcTemplate jdbc,
      LoadLog log,
      String resource,
      String table,
      String columns,
      List<String> required,
      List<String> optional) {
    this.jdbc = jdbc;
    this.log = log;
    this.resource = resource;
    this.table = table;
    this.columns = columns;
    this.required = List.copyOf(required);
    this.optional = List.copyOf(optional);
  }

  /**
   * Validates and loads the file for {@code caller}, or rejects it whole: a 403 listing the rows
   * outside the caller's key scope (regions — a code covers its subregions — and datasets), else a
   * 400 listing the bad rows. A load is recorded with the caller's key id.
   */
  @Transactional
  public LoadResult load(BulkUpload upload, Caller caller) {
    KeyScope scope = caller.scope();
    RowErrors outOfScope = new RowErrors();
    jdbc.execute("create temporary table " + table + " (" + columns + ") on commit drop");
    RowValidator<T> validator = validator();
    RowErrors errors = new RowErrors();
    List<Object[]> batch = new ArrayList<>(BATCH);
    long rows =
        CsvRows.forEach(
            upload.reader(),
            required,
            optional,
            errors,
            row -> {
              T valid = validator.validate(row, errors);
              if (valid != null && !inScope(scope, valid, outOfScope)) {
                return;
              }
              if (valid != null && errors.isEmpty() && outOfScope.isEmpty()) {
                batch.add(valid.values());
                if (batch.size() == BATCH) {
                  stage(batch);
                }
              }
            });
    outOfScope.forbidIfAny(describe(scope));
    errors.rejectIfAny();
    stage(batch);
    check(errors);
    errors.rejectIfAny();
    LoadResult result = merge(rows);
    log.record(resource, caller.subject(), result);
    return result;
  }

  private static boolean inScope(KeyScope scope, StagedRow row, RowErrors outOfScope) {
    if (!scope.coversRegion(row.regionCode())) {
      outOfScope.add(
          row.row(),
          "region",
          row.regionCode(),
          "region %s is outside your key's regions %s"
              .formatted(row.regionCode(), scope.sortedRegions()));
      return false;
    }
    if (!scope.coversDataset(row.datasetId())) {
      outOfScope.add(
          row.row(),
          "dataset",
          row.datasetId(),
          "dataset %s is outside your key's datasets %s"
              .formatted(row.datasetId(), scope.sortedDatasets()));
      return false;
    }
    return true;
  }

  private static String describe(KeyScope scope) {
    StringBuilder text = new StringBuilder();
    if (!scope.regions().isEmpty()) {
      text.append("regions ").append(String.join(", ", scope.sortedRegions()));
    }
    if (!scope.datasets().isEmpty()) {
      text.append(text.isEmpty() ? "" : "; ").append("datasets ");
      text.append(String.join(", ", scope.sortedDatasets()));
    }
    return text.toString();
  }

  /** The validator of one load (it may hold what the load looks up once, such as today's date). */
  protected abstract RowValidator<T> validator();

  /** Set-based checks over the staged rows; problems go to {@code errors}. */
  protected abstract void check(RowErrors errors);

  /** Moves the staged rows into the real table: what was inserted, updated or unchanged. */
  protected abstract LoadResult merge(long rows);

  private void stage(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    String marks = String.join(", ", Collections.nCopies(batch.get(0).length, "?"));
    jdbc.batchUpdate("insert into " + table + " values (" + marks + ")", batch);
    batch.clear();
  }
}
