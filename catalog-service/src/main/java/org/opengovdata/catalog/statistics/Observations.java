package org.opengovdata.catalog.statistics;

import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/** Reads of observations: pages, cursor iteration, exports; totals cached per data version. */
@Service
class Observations {

  private final ObservationRepository observations;
  private final DatasetCatalog catalog;
  private final CatalogCache cache;

  Observations(ObservationRepository observations, DatasetCatalog catalog, CatalogCache cache) {
    this.observations = observations;
    this.catalog = catalog;
    this.cache = cache;
  }

  record Page(List<Observation> rows, long total, String nextCursor) {}

  String stamp() {
    return catalog.stamp(DatasetCatalog.THEME_STATISTICS);
  }

  long total(String stamp, ObservationFilter filter) {
    return cache.get(
        "observation-count",
        stamp,
        filter.canonical(),
        new TypeReference<Long>() {},
        () -> observations.count(filter));
  }

  Page page(String stamp, ObservationFilter filter, SortOrder sort, PageRequest page) {
    return complete(
        stamp, filter, sort, observations.page(filter, sort, page, page.size() + 1), page.size());
  }

  Page afterCursor(
      String stamp, ObservationFilter filter, SortOrder sort, String cursor, int size) {
    List<Object> key = ObservationColumns.SORT.decode(cursor, filter.canonical(), sort);
    return complete(stamp, filter, sort, observations.after(filter, sort, key, size + 1), size);
  }

  void export(ObservationFilter filter, SortOrder sort, Consumer<Observation> sink) {
    observations.stream(filter, sort, sink);
  }

  private Page complete(
      String stamp, ObservationFilter filter, SortOrder sort, List<Observation> rows, int size) {
    boolean more = rows.size() > size;
    List<Observation> page = more ? rows.subList(0, size) : rows;
    String next =
        more
            ? ObservationColumns.SORT.encode(page.get(page.size() - 1), filter.canonical(), sort)
            : null;
    return new Page(List.copyOf(page), total(stamp, filter), next);
  }
}
