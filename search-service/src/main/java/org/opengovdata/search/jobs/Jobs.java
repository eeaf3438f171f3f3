package org.opengovdata.search.jobs;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The jobs of this instance (in memory: a restart forgets finished jobs, and a rebuild interrupted
 * by a restart is simply started again — the old index keeps serving). Small on purpose until the
 * platform's shared job package ({@code org.opengovdata.common.jobs}) exists.
 */
@Component
public class Jobs {

  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  public Job start(String kind) {
    Job job = new Job(kind, clock);
    jobs.put(job.id(), job);
    return job;
  }

  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }
}
