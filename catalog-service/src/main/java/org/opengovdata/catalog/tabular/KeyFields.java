package org.opengovdata.catalog.tabular;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opengovdata.common.paging.Keyset;
import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.paging.SortOrder;

/**
 * The sortable fields of a resource: API name, SQL column, how to read the value from a row (for
 * the next cursor) and how to parse it back from a cursor (typed, for the keyset comparison). Every
 * sort ends with the resource's unique key, so orders and cursors are deterministic.
 */
public final class KeyFields<R> {

  /**
   * One sortable field.
   *
   * @param name the field's API name in {@code sort}
   * @param column a trusted SQL expression (never user input) that is never null — a keyset
   *     comparison with a null never holds, so a row with a null key would be skipped
   * @param value the field's value on a row, written into the next cursor as text
   * @param parse that text back to the typed value the column compares with
   */
  public record Field<R>(
      String name, String column, Function<R, Object> value, Function<String, Object> parse) {}

  private final Map<String, Field<R>> fields = new LinkedHashMap<>();
  private final SortOrder uniqueKey;

  @SafeVarargs
  public KeyFields(SortOrder uniqueKey, Field<R>... fields) {
    for (Field<R> field : fields) {
      this.fields.put(field.name(), field);
    }
    this.uniqueKey = uniqueKey;
  }

  /** The {@code sort} parameter (default: the unique key), completed by the unique key. */
  public SortOrder sort(String parameter) {
    return SortOrder.parse("sort", parameter, fields.keySet(), uniqueKey).thenBy(uniqueKey);
  }

  public String orderBy(SortOrder sort) {
    return Keyset.orderBy(columns(sort));
  }

  public Keyset.Predicate after(SortOrder sort, List<Object> values) {
    return Keyset.after(columns(sort), values);
  }

  /**
   * The typed key values of {@code cursor}; 400 on {@code cursor} if it is not one {@code cursors}
   * signed for this query, or a value is out of its column's range.
   */
  public List<Object> decode(KeysetCursor cursors, String cursor, String query, SortOrder sort) {
    List<String> texts = cursors.decode(cursor, query + "|" + sort, sort.keys().size());
    try {
      return java.util.stream.IntStream.range(0, texts.size())
          .mapToObj(i -> fields.get(sort.keys().get(i).field()).parse().apply(texts.get(i)))
          .toList();
    } catch (RuntimeException e) {
      throw KeysetCursor.malformed();
    }
  }

  /** The cursor pointing after {@code last}. */
  public String encode(KeysetCursor cursors, R last, String query, SortOrder sort) {
    return cursors.encode(
        query + "|" + sort,
        sort.keys().stream()
            .map(k -> String.valueOf(fields.get(k.field()).value().apply(last)))
            .toList());
  }

  /** Text keys (codes, names) of at most {@code maxLength} characters. */
  public static Function<String, Object> text(int maxLength) {
    return s -> {
      if (s.length() > maxLength) {
        throw new IllegalArgumentException("key value too long");
      }
      return s;
    };
  }

  /** An integer key within {@code [min, max]} (e.g. a year the table's check constraint allows). */
  public static Function<String, Object> integer(int min, int max) {
    return s -> {
      int value = Integer.parseInt(s);
      if (value < min || value > max) {
        throw new IllegalArgumentException("key value out of range");
      }
      return value;
    };
  }

  /**
   * A decimal key that fits {@code numeric(integerDigits + scale, scale)}. Checked before the value
   * reaches PostgreSQL, where a number like {@code 1E-4000000} holds a connection for seconds and
   * {@code 1E-999999999} fails inside the driver.
   */
  public static Function<String, Object> decimal(int integerDigits, int scale) {
    return s -> {
      BigDecimal value = new BigDecimal(s);
      if (value.scale() > scale || value.precision() - value.scale() > integerDigits) {
        throw new IllegalArgumentException("key value out of range");
      }
      return value;
    };
  }

  /** A row identity ({@code bigint generated always as identity}): a positive long. */
  public static Function<String, Object> identity() {
    return s -> {
      long value = Long.parseLong(s);
      if (value < 1) {
        throw new IllegalArgumentException("key value out of range");
      }
      return value;
    };
  }

  /** A date key in the years 1–9999 (ISO {@code yyyy-MM-dd}). */
  public static Function<String, Object> date() {
    return s -> {
      LocalDate value = LocalDate.parse(s);
      if (value.getYear() < 1 || value.getYear() > 9999) {
        throw new IllegalArgumentException("key value out of range");
      }
      return value;
    };
  }

  /** An instant key in the years 1–9999 (ISO offset date-time). */
  public static Function<String, Object> timestamp() {
    return s -> {
      OffsetDateTime value = OffsetDateTime.parse(s);
      if (value.getYear() < 1 || value.getYear() > 9999) {
        throw new IllegalArgumentException("key value out of range");
      }
      return value;
    };
  }

  private List<Keyset.Column> columns(SortOrder sort) {
    return sort.keys().stream()
        .map(k -> new Keyset.Column(fields.get(k.field()).column(), k.descending()))
        .toList();
  }
}
