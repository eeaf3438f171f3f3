package org.opengovdata.catalog.load;

import java.util.ArrayList;
import java.util.List;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

/**
 * The row-by-row report of a file being validated. Keeps the first {@link #REPORTED} errors and
 * counts all; {@link #rejectIfAny()} turns them into the 400 that rolls the load back.
 */
public final class RowErrors {

  public static final int REPORTED = 1000;

  private final List<RowError> errors = new ArrayList<>();
  private long count;

  public void add(long row, String column, String value, String detail) {
    count++;
    if (errors.size() < REPORTED) {
      errors.add(new RowError(row, column, value == null ? null : truncate(value), detail));
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public void rejectIfAny() {
    if (count > 0) {
      throw new ApiException(
              ProblemType.INVALID_BODY,
              "The file has %d invalid %s; nothing was loaded. See errors[] (row 1 is the header)."
                  .formatted(count, count == 1 ? "value" : "values"))
          .with("errorCount", count)
          .with("errors", List.copyOf(errors));
    }
  }

  /**
   * The 403 for rows outside the caller's key scope: nothing was loaded, and {@code errors[]} names
   * every offending row.
   */
  public void forbidIfAny(String scope) {
    if (count > 0) {
      throw new ApiException(
              ProblemType.FORBIDDEN,
              ("%d %s of the file %s outside your API key's scope (%s); nothing was loaded. See"
                      + " errors[] (row 1 is the header).")
                  .formatted(count, count == 1 ? "row" : "rows", count == 1 ? "is" : "are", scope))
          .with("errorCount", count)
          .with("errors", List.copyOf(errors));
    }
  }

  private static String truncate(String value) {
    return value.length() > 256 ? value.substring(0, 256) : value;
  }
}
