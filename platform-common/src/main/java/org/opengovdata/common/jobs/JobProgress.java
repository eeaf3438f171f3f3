package org.opengovdata.common.jobs;

/**
 * What a running job tells its runner. Calls are cheap: the runner saves progress at most once per
 * interval, so a job may report every item.
 */
public interface JobProgress {

  /** The number of items the job will process, once known. */
  void total(long total);

  /** {@code items} more items are done. */
  void advance(long items);

  /** One item-level problem (kept up to {@link Job#MAX_PROBLEMS}, all counted). */
  void problem(String description);

  /** The job's id, e.g. to link what it writes to it. */
  java.util.UUID jobId();
}
