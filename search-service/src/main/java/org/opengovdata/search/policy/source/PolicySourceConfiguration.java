package org.opengovdata.search.policy.source;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy source of this instance. Phase 1 knows only the file source ({@code
 * opendata.search.sources.policies-file}); phase 2 adds the catalog client here.
 */
@Configuration(proxyBeanMethods = false)
class PolicySourceConfiguration {

  @Bean
  @ConditionalOnExpression("'${opendata.search.sources.policies-file:}' != ''")
  PolicySource policyFileSource(SourceProperties properties) {
    return new PolicyFileSource(properties.policiesFile());
  }
}
