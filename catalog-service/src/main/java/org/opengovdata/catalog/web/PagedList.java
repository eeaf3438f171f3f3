package org.opengovdata.catalog.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opengovdata.catalog.web.TabularResource.Envelope;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.ResponseEntity;

/**
 * A list answered by page number only — aggregates, 三公经费, indicators: a 304 when the client's copy
 * is current (before any query runs), every row as CSV, or one JSON page.
 */
public final class PagedList {

  private PagedList() {}

  /** The rows of such a list, fetched only when the answer needs them. */
  public interface Rows<R> {
    long total();

    List<R> page(PageRequest page);

    void all(Consumer<R> sink);

    /** Rows computed in memory (small lists such as aggregates), computed once. */
    static <R> Rows<R> computed(Supplier<List<R>> compute) {
      return new Rows<>() {
        private List<R> rows;

        private List<R> rows() {
          if (rows == null) {
            rows = compute.get();
          }
          return rows;
        }

        @Override
        public long total() {
          return rows().size();
        }

        @Override
        public List<R> page(PageRequest page) {
          return InMemoryRows.page(rows(), page);
        }

        @Override
        public void all(Consumer<R> sink) {
          rows().forEach(sink);
        }
      };
    }
  }

  public static <R, D, L> ResponseEntity<L> answer(
      Read read,
      String ifNoneMatch,
      String name,
      Columns<R, D> columns,
      Rows<R> rows,
      PageRequest page,
      Envelope<D, L> envelope) {
    ResponseEntity<L> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    List<Column<R, D>> all = columns.all();
    long total = rows.total();
    if (read.csv()) {
      read.writeCsv(name, all, total, rows::all);
      return null;
    }
    Function<R, D> toDto = row -> columns.toDto(row, all);
    return read.ok(
        envelope.of(
            rows.page(page).stream().map(toDto).toList(),
            ListEnvelope.meta(all, total, page, null),
            ListEnvelope.pageLinks(page, total)));
  }
}
