package org.opengovdata.search.policy.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The day validity is computed for, and the schedule of {@link PolicyExpiry}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PolicyIndexConfiguration {

  @Bean
  PolicyClock policyClock() {
    return PolicyClock.system();
  }
}
