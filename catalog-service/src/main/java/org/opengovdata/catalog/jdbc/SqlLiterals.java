package org.opengovdata.catalog.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * Bind parameters written into a statement as SQL literals, for the one statement that takes none:
 * {@code COPY (SELECT …) TO STDOUT}. Text is escaped by the PostgreSQL driver's own {@code
 * escapeLiteral} (standard-conforming strings), numbers are written as digits, dates and instants
 * as typed literals; any other type is refused rather than guessed.
 */
final class SqlLiterals {

  private SqlLiterals() {}

  /**
   * {@code sql} with each {@code ?} outside a quoted literal (such as a regular expression)
   * replaced by the literal of the next parameter.
   */
  static String inline(String sql, List<Object> parameters) {
    StringBuilder out = new StringBuilder(sql.length() + parameters.size() * 16);
    int next = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // '' inside a literal toggles twice
        out.append(c);
      } else if (c == '?' && !quoted) {
        if (next == parameters.size()) {
          throw new IllegalArgumentException("more ? than parameters in: " + sql);
        }
        out.append(literal(parameters.get(next++)));
      } else {
        out.append(c);
      }
    }
    if (next != parameters.size()) {
      throw new IllegalArgumentException("fewer ? than parameters in: " + sql);
    }
    return out.toString();
  }

  static String literal(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof String text) {
      return quoted(text);
    }
    if (value instanceof OffsetDateTime instant) {
      return quoted(instant.toString()) + "::timestamptz";
    }
    if (value instanceof LocalDate date) {
      return quoted(date.toString()) + "::date";
    }
    throw new IllegalArgumentException("no SQL literal for a " + value.getClass().getName());
  }

  private static String quoted(String text) {
    try {
      return "'" + Utils.escapeLiteral(null, text, true) + "'";
    } catch (SQLException e) {
      // the driver refuses text with a NUL character, which no filter value may contain
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
