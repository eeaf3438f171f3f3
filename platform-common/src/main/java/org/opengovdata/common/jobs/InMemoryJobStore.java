package org.opengovdata.common.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs in this process's memory, forgotten on restart. Finished jobs beyond {@code retained} are
 * dropped oldest first, so the map cannot grow without bound.
 */
public class InMemoryJobStore implements JobStore {

  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final int retained;

  public InMemoryJobStore(int retained) {
    this.retained = retained;
  }

  @Override
  public void save(Job job) {
    jobs.put(job.id(), job);
    if (job.state().finished() && jobs.size() > retained) {
      jobs.values().stream()
          .filter(j -> j.state().finished())
          .sorted(Comparator.comparing(Job::submittedAt))
          .limit(Math.max(0, jobs.size() - retained))
          .toList()
          .forEach(j -> jobs.remove(j.id()));
    }
  }

  @Override
  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public List<Job> unfinished() {
    return jobs.values().stream()
        .filter(j -> !j.state().finished())
        .sorted(Comparator.comparing(Job::submittedAt))
        .toList();
  }
}
