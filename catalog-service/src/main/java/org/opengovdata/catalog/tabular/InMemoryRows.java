package org.opengovdata.catalog.tabular;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;

/**
 * The sort fields of a small list computed in memory (aggregates) — the in-memory counterpart of
 * {@link KeyFields}: every order ends with the list's unique key, nulls sort last either way.
 *
 * @param <R> a row
 */
@SuppressWarnings("rawtypes")
public final class InMemoryRows<R> {

  private final SortOrder uniqueKey;
  private final Map<String, Function<R, Comparable>> fields;

  /**
   * @param uniqueKey the default order, which also completes every other order
   * @param fields the sortable fields by API name
   */
  public InMemoryRows(SortOrder uniqueKey, Map<String, Function<R, Comparable>> fields) {
    this.uniqueKey = uniqueKey;
    this.fields = new TreeMap<>(fields);
  }

  /** The {@code sort} parameter (default: the unique key), completed by the unique key. */
  public SortOrder sort(String parameter) {
    return SortOrder.parse("sort", parameter, fields.keySet(), uniqueKey).thenBy(uniqueKey);
  }

  @SuppressWarnings("unchecked")
  public List<R> sorted(List<R> rows, SortOrder order) {
    Comparator<R> comparator = (a, b) -> 0;
    for (SortOrder.Key key : order.keys()) {
      Comparator<Comparable> natural = Comparator.naturalOrder();
      Comparator<Comparable> direction = key.descending() ? natural.reversed() : natural;
      comparator =
          comparator.thenComparing(fields.get(key.field()), Comparator.nullsLast(direction));
    }
    return rows.stream().sorted(comparator).toList();
  }

  /** The rows of one page. */
  public static <T> List<T> page(List<T> rows, PageRequest page) {
    int from = (int) Math.min(rows.size(), page.offset());
    int to = (int) Math.min(rows.size(), page.offset() + page.size());
    return rows.subList(from, to);
  }
}
