package org.opengovdata.common.jobs;

/** The body of a job. Throwing fails the job with the exception's message. */
@FunctionalInterface
public interface JobWork {

  void run(JobProgress progress) throws Exception;
}
