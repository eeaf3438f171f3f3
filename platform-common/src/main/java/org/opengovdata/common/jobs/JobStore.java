package org.opengovdata.common.jobs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs are kept. A service whose jobs must survive a restart (the archive) keeps them in its
 * database; one whose jobs are cheap to repeat may keep them in memory ({@link InMemoryJobStore}).
 */
public interface JobStore {

  /** Inserts or replaces the job with this id. */
  void save(Job job);

  Optional<Job> find(UUID id);

  /** Jobs not yet finished (queued or running), oldest first. */
  List<Job> unfinished();
}
