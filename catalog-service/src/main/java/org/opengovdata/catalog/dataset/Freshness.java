package org.opengovdata.catalog.dataset;

import java.time.LocalDate;

/**
 * Whether a dataset is up to date: the day its next update was due (null for irregular datasets)
 * and how many days ago that day passed without an update (0 when it has not).
 */
public record Freshness(Dataset dataset, LocalDate nextUpdateDue, int overdueDays) {

  public boolean overdue() {
    return overdueDays > 0;
  }
}
