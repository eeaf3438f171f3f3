package org.opengovdata.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * SQL for keyset pagination ("rows after the last one I saw"), which stays fast at any depth where
 * {@code OFFSET} degrades. Columns must be non-null and together unique (end with a unique key).
 */
public final class Keyset {

  private Keyset() {}

  /** A sort column: a trusted SQL expression (never user input) and its direction. */
  public record Column(String expression, boolean descending) {}

  /** A {@code WHERE} fragment with positional parameters. */
  public record Predicate(String sql, List<Object> parameters) {}

  /**
   * The rows strictly after {@code values} in the order of {@code columns}. When all columns run in
   * the same direction this is a row-value comparison that PostgreSQL answers from a matching
   * index; mixed directions expand to {@code (a > ?) OR (a = ? AND b < ?) ...}.
   */
  public static Predicate after(List<Column> columns, List<?> values) {
    if (columns.isEmpty() || columns.size() != values.size()) {
      throw new IllegalArgumentException("one value per keyset column");
    }
    boolean descending = columns.get(0).descending();
    boolean uniform = columns.stream().allMatch(c -> c.descending() == descending);
    if (uniform) {
      StringJoiner left = new StringJoiner(", ", "(", ")");
      StringJoiner right = new StringJoiner(", ", "(", ")");
      columns.forEach(
          c -> {
            left.add(c.expression());
            right.add("?");
          });
      return new Predicate(
          left + (descending ? " < " : " > ") + right, new ArrayList<Object>(values));
    }
    StringJoiner or = new StringJoiner(" or ", "(", ")");
    List<Object> parameters = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      StringJoiner and = new StringJoiner(" and ", "(", ")");
      for (int j = 0; j < i; j++) {
        and.add(columns.get(j).expression() + " = ?");
        parameters.add(values.get(j));
      }
      Column column = columns.get(i);
      and.add(column.expression() + (column.descending() ? " < ?" : " > ?"));
      parameters.add(values.get(i));
      or.add(and.toString());
    }
    return new Predicate(or.toString(), parameters);
  }

  /** {@code ORDER BY} for the columns. */
  public static String orderBy(List<Column> columns) {
    StringJoiner order = new StringJoiner(", ");
    columns.forEach(c -> order.add(c.expression() + (c.descending() ? " desc" : " asc")));
    return order.toString();
  }
}
