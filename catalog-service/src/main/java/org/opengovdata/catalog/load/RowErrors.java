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

  private static String truncate(String value) {
    return value.length() > 256 ? value.substring(0, 256) : value;
  }
}
