package org.opengovdata.catalog.web;

import java.util.List;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of a list read by page number only — aggregates, 三公经费, indicators, code lists: a
 * 304 when the client's copy is current (before any query runs), every row as CSV, or one JSON
 * page.
 */
public final class PagedList {

  private PagedList() {}

  /**
   * @param stamp the version stamp of the data behind the list
   * @param name names the CSV file
   */
  public static <R, D, L> ResponseEntity<L> answer(
      String stamp,
      String name,
      Columns<R, D> columns,
      PagedRows<R> rows,
      ListParameters p,
      ListEnvelope.Factory<D, L> envelope) {
    Read read = p.read(stamp);
    ResponseEntity<L> notModified = read.notModified(p.ifNoneMatch());
    if (notModified != null) {
      return notModified;
    }
    List<Column<R, D>> all = columns.all();
    if (read.csvw()) {
      read.writeCsvw(all);
      return null;
    }
    long total = rows.total();
    if (read.csv()) {
      read.writeCsv(name, all, p::header, total, rows::all);
      return null;
    }
    if (read.jsonLines()) {
      read.writeJsonLines(
          name, total, sink -> rows.all(row -> sink.accept(columns.toDto(row, all))));
      return null;
    }
    PageRequest page = p.pageRequest();
    return read.ok(
        envelope.of(
            rows.page(page).stream().map(row -> columns.toDto(row, all)).toList(),
            ListEnvelope.meta(all, total, page, null),
            ListEnvelope.pageLinks(page, total)));
  }
}
