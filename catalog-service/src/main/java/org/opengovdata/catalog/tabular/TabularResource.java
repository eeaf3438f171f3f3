package org.opengovdata.catalog.tabular;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.dao.DataAccessException;
import tools.jackson.core.type.TypeReference;

/**
 * A large list resource — fiscal line items, statistical observations — read the ways the API
 * promises for every such list: a numbered page, the rows after an opaque keyset cursor (no depth
 * cap), or every row in order (CSV); the total cached per data version. The HTTP side of the same
 * list (304, CSV or JSON, {@code meta} and {@code links}) is {@code web.TabularList}.
 *
 * <p>A new resource defines its {@link Columns}, its {@link KeyFields}, a {@link Filter} and a
 * repository (usually a {@link KeysetQuery}), and declares one bean of this class.
 *
 * @param <R> a row
 * @param <F> the resource's filter
 * @param <D> a row's DTO
 */
public final class TabularResource<R, F extends TabularResource.Filter, D> {

  /** A filter that can say what it selects as text, for cache keys and cursor binding. */
  public interface Filter {
    String canonical();
  }

  /** What the resource's repository provides; {@code limit} rows at most. */
  public interface Rows<R, F> {
    long count(F filter);

    List<R> page(F filter, SortOrder sort, PageRequest page, int limit);

    List<R> after(F filter, SortOrder sort, List<Object> key, int limit);

    void stream(F filter, SortOrder sort, Consumer<R> sink);

    /** Whether {@link #copyCsv} can write these columns (by key). */
    default boolean copiesCsv(List<String> columns) {
      return false;
    }

    /**
     * Every matching row's {@code columns} as CSV data lines written by PostgreSQL ({@code COPY}),
     * in order; only when {@link #copiesCsv} said so.
     */
    default void copyCsv(
        F filter,
        SortOrder sort,
        List<String> columns,
        RowStreams.Started started,
        OutputStream out) {
      throw new UnsupportedOperationException("no COPY export");
    }
  }

  /** A page of rows, the total of the filter and the cursor after its last row (null: none). */
  public record Page<R>(List<R> rows, long total, String nextCursor) {}

  private final String name;
  private final Rows<R, F> rows;
  private final KeyFields<R> keys;
  private final Columns<R, D> columns;
  private final CatalogCache cache;
  private final Supplier<String> stamp;
  private final KeysetCursor cursors;

  /**
   * @param name names the CSV file and the cached totals
   * @param stamp the version stamp of the data (changes with every load)
   * @param cursors signs and verifies the resource's cursors
   */
  public TabularResource(
      String name,
      Rows<R, F> rows,
      KeyFields<R> keys,
      Columns<R, D> columns,
      CatalogCache cache,
      Supplier<String> stamp,
      KeysetCursor cursors) {
    this.name = name;
    this.rows = rows;
    this.keys = keys;
    this.columns = columns;
    this.cache = cache;
    this.stamp = stamp;
    this.cursors = cursors;
  }

  public String name() {
    return name;
  }

  public Columns<R, D> columns() {
    return columns;
  }

  /** The version stamp of the data now: the basis of ETags and cache keys. */
  public String stamp() {
    return stamp.get();
  }

  /** The {@code sort} parameter, completed by the unique key; 400 on unknown fields. */
  public SortOrder sort(String parameter) {
    return keys.sort(parameter);
  }

  /** A numbered page, with the cursor after it (so a client can switch to the cursor). */
  public Page<R> page(String version, F filter, SortOrder order, PageRequest page) {
    return complete(
        version, filter, order, rows.page(filter, order, page, page.size() + 1), page.size());
  }

  /**
   * The rows after a cursor. The cursor is signed and its values range-checked, so a forged or
   * edited one is a 400 before any query runs; should the database still refuse a value, that is
   * the cursor's fault too: a 400 on {@code cursor}, never a 500.
   */
  public Page<R> after(String version, F filter, SortOrder order, String cursor, int size) {
    List<Object> key = keys.decode(cursors, cursor, filter.canonical(), order);
    List<R> fetched;
    try {
      fetched = rows.after(filter, order, key, size + 1);
    } catch (DataAccessException e) {
      throw KeysetCursor.malformed();
    }
    return complete(version, filter, order, fetched, size);
  }

  /** Whether PostgreSQL can write these columns as CSV itself ({@link #copyCsv}). */
  public boolean copiesCsv(List<? extends Column<R, ?>> selected) {
    return rows.copiesCsv(selected.stream().map(Column::key).toList());
  }

  /** Every row the filter selects, in order, as CSV data lines written by PostgreSQL's COPY. */
  public void copyCsv(
      F filter,
      SortOrder order,
      List<? extends Column<R, ?>> selected,
      RowStreams.Started started,
      OutputStream out) {
    rows.copyCsv(filter, order, selected.stream().map(Column::key).toList(), started, out);
  }

  /**
   * Every row the filter selects, in order, as CSV: written by PostgreSQL's COPY when it can write
   * these columns, else row by row — the one way every CSV of this resource is written.
   *
   * @param started runs once the database has accepted the query, before the header (see {@link
   *     CsvExport#copy})
   */
  public void writeCsv(
      F filter,
      SortOrder order,
      List<Column<R, D>> selected,
      java.util.function.Function<? super Column<R, ?>, String> header,
      OutputStream out)
      throws java.io.IOException {
    if (copiesCsv(selected)) {
      CsvExport.copy(
          out,
          selected,
          header,
          (started, data) -> copyCsv(filter, order, selected, started, data));
    } else {
      CsvExport.write(out, selected, header, sink -> stream(filter, order, sink));
    }
  }

  /** Every row the filter selects, in order, as the database streams them. */
  public void stream(F filter, SortOrder order, Consumer<R> sink) {
    rows.stream(filter, order, sink);
  }

  /** The number of rows the filter selects, cached per data version. */
  public long total(String version, F filter) {
    return cache.get(
        name + "-count",
        version,
        filter.canonical(),
        new TypeReference<Long>() {},
        () -> rows.count(filter));
  }

  /** Rows were fetched one beyond {@code size} to know whether a next cursor is needed. */
  private Page<R> complete(String version, F filter, SortOrder order, List<R> fetched, int size) {
    boolean more = fetched.size() > size;
    List<R> page = more ? fetched.subList(0, size) : fetched;
    String next =
        more ? keys.encode(cursors, page.get(page.size() - 1), filter.canonical(), order) : null;
    return new Page<>(List.copyOf(page), total(version, filter), next);
  }
}
