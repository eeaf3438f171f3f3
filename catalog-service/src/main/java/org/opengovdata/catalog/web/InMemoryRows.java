package org.opengovdata.catalog.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;

/** Sorting and paging of small computed lists (aggregates), nulls last in either direction. */
public final class InMemoryRows {

  private InMemoryRows() {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static <T> List<T> sort(
      List<T> rows, SortOrder order, Map<String, Function<T, Comparable>> keys) {
    Comparator<T> comparator = (a, b) -> 0;
    for (SortOrder.Key key : order.keys()) {
      Function<T, Comparable> value = keys.get(key.field());
      Comparator<Comparable> natural = Comparator.naturalOrder();
      Comparator<Comparable> direction = key.descending() ? natural.reversed() : natural;
      comparator = comparator.thenComparing(value, Comparator.nullsLast(direction));
    }
    return rows.stream().sorted(comparator).toList();
  }

  public static <T> List<T> page(List<T> rows, PageRequest page) {
    int from = (int) Math.min(rows.size(), page.offset());
    int to = (int) Math.min(rows.size(), page.offset() + page.size());
    return rows.subList(from, to);
  }
}
