package org.opengovdata.catalog.tabular;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;

/**
 * The rows of a list read by page number only (aggregates, 三公经费, indicators, code lists), fetched
 * only when the answer needs them — a 304 needs none.
 *
 * @param <R> a row
 */
public interface PagedRows<R> {

  long total();

  List<R> page(PageRequest page);

  /** Every row in order (CSV). */
  void all(Consumer<R> sink);

  /** Rows computed in memory (small lists such as aggregates), computed once when first needed. */
  static <R> PagedRows<R> computed(Supplier<List<R>> compute) {
    return new PagedRows<>() {
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

  /** A filtered, sorted query of a {@link TabularResource.Rows} read by page number. */
  static <R, F> PagedRows<R> of(TabularResource.Rows<R, F> rows, F filter, SortOrder order) {
    return new PagedRows<>() {
      @Override
      public long total() {
        return rows.count(filter);
      }

      @Override
      public List<R> page(PageRequest page) {
        return rows.page(filter, order, page, page.size());
      }

      @Override
      public void all(Consumer<R> sink) {
        rows.stream(filter, order, sink);
      }
    };
  }
}
