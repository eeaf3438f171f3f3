package org.opengovdata.archive.jobs;

import java.time.Clock;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.jobs.JobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Jobs of the archive run on the shared runner and are kept in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

  @Bean
  JobStore jobStore(JdbcClient jdbc, JsonMapper json) {
    return new PostgresJobStore(jdbc, json);
  }

  @Bean(destroyMethod = "close")
  JobRunner jobRunner(JobStore store, Clock clock) {
    return new JobRunner(store, clock, JobRunner.Settings.DEFAULT);
  }
}
