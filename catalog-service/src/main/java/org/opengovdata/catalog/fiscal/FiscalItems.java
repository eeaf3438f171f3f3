package org.opengovdata.catalog.fiscal;

import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/** Reads of line items: pages, cursor iteration, exports; totals are cached per data version. */
@Service
class FiscalItems {

  private final FiscalItemRepository items;
  private final DatasetCatalog catalog;
  private final CatalogCache cache;

  FiscalItems(FiscalItemRepository items, DatasetCatalog catalog, CatalogCache cache) {
    this.items = items;
    this.catalog = catalog;
    this.cache = cache;
  }

  /** A page of items and the cursor after its last row (null when none follow). */
  record Page(List<FiscalItem> rows, long total, String nextCursor) {}

  String stamp() {
    return catalog.stamp(DatasetCatalog.THEME_FISCAL);
  }

  long total(String stamp, FiscalFilter filter) {
    return cache.get(
        "fiscal-count",
        stamp,
        filter.canonical(),
        new TypeReference<Long>() {},
        () -> items.count(filter));
  }

  Page page(String stamp, FiscalFilter filter, SortOrder sort, PageRequest page) {
    List<FiscalItem> rows = items.page(filter, sort, page, page.size() + 1);
    return complete(stamp, filter, sort, rows, page.size());
  }

  Page afterCursor(String stamp, FiscalFilter filter, SortOrder sort, String cursor, int size) {
    List<Object> key = FiscalItemColumns.SORT.decode(cursor, filter.canonical(), sort);
    return complete(stamp, filter, sort, items.after(filter, sort, key, size + 1), size);
  }

  void export(FiscalFilter filter, SortOrder sort, Consumer<FiscalItem> sink) {
    items.stream(filter, sort, sink);
  }

  /** Rows were fetched one beyond {@code size} to know whether a next cursor is needed. */
  private Page complete(
      String stamp, FiscalFilter filter, SortOrder sort, List<FiscalItem> rows, int size) {
    boolean more = rows.size() > size;
    List<FiscalItem> page = more ? rows.subList(0, size) : rows;
    String next =
        more
            ? FiscalItemColumns.SORT.encode(page.get(page.size() - 1), filter.canonical(), sort)
            : null;
    return new Page(List.copyOf(page), total(stamp, filter), next);
  }
}
