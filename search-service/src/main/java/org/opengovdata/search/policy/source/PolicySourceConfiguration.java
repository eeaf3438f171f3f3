package org.opengovdata.search.policy.source;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy source of this instance: the catalog-service through its SDK (default, {@code
 * CATALOG_URL}), or a file of policies when {@code SEARCH_POLICIES_FILE} is set (demos,
 * benchmarks). {@code opendata.search.sources.catalog.enabled=false} and no file = none (the
 * indexer waits).
 */
@Configuration(proxyBeanMethods = false)
class PolicySourceConfiguration {

  @Bean
  @ConditionalOnExpression("'${opendata.search.sources.policies-file:}' != ''")
  PolicySource policyFileSource(SourceProperties properties) {
    return new PolicyFileSource(properties.policiesFile());
  }

  @Bean
  @ConditionalOnExpression(
      "'${opendata.search.sources.policies-file:}' == ''"
          + " and '${opendata.search.sources.catalog.enabled:true}' == 'true'")
  PolicySource catalogPolicySource(CatalogSourceProperties properties) {
    return CatalogPolicySource.create(properties);
  }
}
