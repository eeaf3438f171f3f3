package org.opengovdata.common.jobs;

/** Where a job is in its life: queued → running → succeeded | failed. */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }
}
