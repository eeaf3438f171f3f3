package org.opengovdata.catalog.tabular;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.common.paging.Keyset;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL behind a {@link TabularResource}: the count, a numbered page, the rows after a keyset
 * cursor and the streamed export of one filtered, sorted query. A repository extends it with what
 * is its own — the filter's {@code WHERE} and the mapping of a row:
 *
 * <pre>{@code
 * @Repository
 * class PolicyRepository extends KeysetQuery<Policy, PolicyFilter> {
 *   PolicyRepository(JdbcClient jdbc, RowStreams streams) {
 *     super(jdbc, streams, "select * from policy", "policy", PolicyColumns.SORT);
 *   }
 *   protected SqlWhere where(PolicyFilter filter) { return filter.where(); }
 *   protected Policy map(ResultSet rs) throws SQLException { ... }
 * }
 * }</pre>
 *
 * @param <R> a row
 * @param <F> the filter
 */
public abstract class KeysetQuery<R, F> implements TabularResource.Rows<R, F> {

  private final JdbcClient jdbc;
  private final RowStreams streams;
  private final String select;
  private final String countFrom;
  private final KeyFields<R> keys;

  /**
   * @param select {@code select <columns> from <table or join>}, without {@code where} — the
   *     filter's clause and the keyset order are appended
   * @param countFrom what the count reads: the table (and alias) the filter's clauses refer to,
   *     without joins that only add display columns
   * @param keys the sort fields; their SQL columns must be valid in {@code select}
   */
  protected KeysetQuery(
      JdbcClient jdbc, RowStreams streams, String select, String countFrom, KeyFields<R> keys) {
    this.jdbc = jdbc;
    this.streams = streams;
    this.select = select;
    this.countFrom = countFrom;
    this.keys = keys;
  }

  /** The {@code WHERE} clause of {@code filter}. */
  protected abstract SqlWhere where(F filter);

  /** The row at the result set's current position. */
  protected abstract R map(ResultSet rs) throws SQLException;

  @Override
  public long count(F filter) {
    SqlWhere where = where(filter);
    return jdbc.sql("select count(*) from " + countFrom + where.sql())
        .params(where.parameters())
        .query(Long.class)
        .single();
  }

  @Override
  public List<R> page(F filter, SortOrder sort, PageRequest page, int limit) {
    SqlWhere where = where(filter);
    return jdbc.sql(ordered(where, sort) + " limit ? offset ?")
        .params(where.parametersAnd(limit, page.offset()))
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Keyset pagination: as cheap at row 1,000,000 as at row 10, where {@code OFFSET} degrades. */
  @Override
  public List<R> after(F filter, SortOrder sort, List<Object> key, int limit) {
    Keyset.Predicate after = keys.after(sort, key);
    SqlWhere where = where(filter).and(after.sql(), after.parameters().toArray());
    return jdbc.sql(ordered(where, sort) + " limit ?")
        .params(where.parametersAnd(limit))
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Every matching row in order, read with a forward-only cursor (see {@link RowStreams}). */
  @Override
  public void stream(F filter, SortOrder sort, Consumer<R> sink) {
    SqlWhere where = where(filter);
    streams.stream(
        jdbc.sql(ordered(where, sort)).params(where.parameters()), rs -> sink.accept(map(rs)));
  }

  /**
   * Per column key, the SQL expression PostgreSQL's COPY writes for it — as the CSV cell the row
   * stream would write (see {@link CsvExport#neutralisedSql} for free text); empty: no COPY export.
   * Its names must be valid in {@link #csvFrom()} next to the filter's and the sort's columns.
   */
  protected Map<String, String> csvExpressions() {
    return Map.of();
  }

  /** What the COPY export reads from (by default the table the count reads). */
  protected String csvFrom() {
    return countFrom;
  }

  @Override
  public boolean copiesCsv(List<String> columns) {
    return !columns.isEmpty() && csvExpressions().keySet().containsAll(columns);
  }

  @Override
  public void copyCsv(
      F filter,
      SortOrder sort,
      List<String> columns,
      RowStreams.Started started,
      OutputStream out) {
    Map<String, String> expressions = csvExpressions();
    SqlWhere where = where(filter);
    String select =
        columns.stream().map(expressions::get).collect(Collectors.joining(", ", "select ", ""))
            + " from "
            + csvFrom()
            + where.sql()
            + " order by "
            + keys.orderBy(sort);
    streams.copyCsv(select, where.parameters(), started, out);
  }

  private String ordered(SqlWhere where, SortOrder sort) {
    return select + where.sql() + " order by " + keys.orderBy(sort);
  }
}
