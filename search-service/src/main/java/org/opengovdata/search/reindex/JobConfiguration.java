package org.opengovdata.search.reindex;

import java.time.Clock;
import org.opengovdata.common.jobs.InMemoryJobStore;
import org.opengovdata.common.jobs.JobRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's job runner for rebuilds. Jobs are kept in memory: a rebuild lost to a restart is
 * simply started again (the old index keeps serving meanwhile).
 */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

  @Bean(destroyMethod = "close")
  JobRunner jobRunner() {
    return new JobRunner(new InMemoryJobStore(100), Clock.systemUTC(), JobRunner.Settings.DEFAULT);
  }
}
