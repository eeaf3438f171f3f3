package org.opengovdata.common.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengovdata.common.problem.ApiException;

/**
 * A {@code sort} parameter ({@code -amount,year}): field names, {@code -} for descending, checked
 * against the fields a resource allows.
 */
public record SortOrder(List<Key> keys) {

  public SortOrder {
    keys = List.copyOf(keys);
  }

  /** One sort field. */
  public record Key(String field, boolean descending) {

    @Override
    public String toString() {
      return descending ? "-" + field : field;
    }
  }

  public static SortOrder of(String... fields) {
    return new SortOrder(
        java.util.Arrays.stream(fields)
            .map(f -> f.startsWith("-") ? new Key(f.substring(1), true) : new Key(f, false))
            .toList());
  }

  /**
   * Parses {@code value}; blank means {@code defaultOrder}. Unknown or repeated fields are a 400
   * naming {@code parameter}.
   */
  public static SortOrder parse(
      String parameter, String value, Collection<String> allowed, SortOrder defaultOrder) {
    if (value == null || value.isBlank()) {
      return defaultOrder;
    }
    List<Key> keys = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String token : value.split(",", -1)) {
      String field = token.trim();
      boolean descending = field.startsWith("-");
      if (descending) {
        field = field.substring(1);
      }
      if (!allowed.contains(field)) {
        throw ApiException.invalidParameter(
            parameter,
            "'%s' is not a sort field; use one of %s".formatted(field, String.join(", ", allowed)));
      }
      if (!seen.add(field)) {
        throw ApiException.invalidParameter(
            parameter, "sort field '%s' is given twice".formatted(field));
      }
      keys.add(new Key(field, descending));
    }
    return new SortOrder(keys);
  }

  /** This order, then the keys of {@code tieBreak} that it does not mention yet. */
  public SortOrder thenBy(SortOrder tieBreak) {
    Set<String> present = keys.stream().map(Key::field).collect(Collectors.toSet());
    List<Key> all = new ArrayList<>(keys);
    tieBreak.keys.stream().filter(k -> !present.contains(k.field())).forEach(all::add);
    return new SortOrder(all);
  }

  @Override
  public String toString() {
    return keys.stream().map(Key::toString).collect(Collectors.joining(","));
  }
}
