package org.opengovdata.catalog.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * A {@code WHERE} clause built from optional filters, with positional parameters. Clauses are
 * trusted SQL written in the code; user input only ever travels as a parameter.
 */
public final class SqlWhere {

  private final List<String> clauses = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  /** Adds {@code clause} with its parameters. */
  public SqlWhere and(String clause, Object... values) {
    clauses.add(clause);
    parameters.addAll(List.of(values));
    return this;
  }

  /** Adds {@code clause} when {@code value} is not null. */
  public SqlWhere andIf(Object value, String clause) {
    if (value != null) {
      and(clause, value);
    }
    return this;
  }

  /** {@code column in (?, ?, …)}, or nothing when {@code values} is null. */
  public SqlWhere andIn(String column, Collection<?> values) {
    if (values != null) {
      StringJoiner marks = new StringJoiner(", ", column + " in (", ")");
      values.forEach(v -> marks.add("?"));
      if (values.isEmpty()) {
        clauses.add("false");
      } else {
        clauses.add(marks.toString());
        parameters.addAll(values);
      }
    }
    return this;
  }

  /**
   * Rows where any of {@code expressions} contains {@code text} (case-insensitive; {@code %} and
   * {@code _} in the text match themselves), or nothing when {@code text} is null.
   */
  public SqlWhere andAnyContains(String text, String... expressions) {
    if (text != null) {
      String pattern =
          "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      StringJoiner any = new StringJoiner(" or ", "(", ")");
      for (String expression : expressions) {
        any.add(expression + " ilike ?");
        parameters.add(pattern);
      }
      clauses.add(any.toString());
    }
    return this;
  }

  /** {@code " where a and b"}, or an empty string. */
  public String sql() {
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  public List<Object> parameters() {
    return List.copyOf(parameters);
  }

  /** The parameters followed by {@code more}. */
  public List<Object> parametersAnd(Object... more) {
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(List.of(more));
    return all;
  }
}
