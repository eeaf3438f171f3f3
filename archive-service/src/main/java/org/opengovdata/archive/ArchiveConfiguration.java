package org.opengovdata.archive;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Service-wide beans; scheduling for the daily fixity audit and the write-intent sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ArchiveConfiguration {

  /** One clock for timestamps (audit, holds, dispositions, jobs), replaceable in tests. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
