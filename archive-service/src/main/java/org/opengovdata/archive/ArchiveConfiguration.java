package org.opengovdata.archive;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide beans. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

  /** One clock for timestamps (audit, holds, dispositions, jobs), replaceable in tests. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
