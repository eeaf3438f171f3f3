package org.opengovdata.catalog.policy;

import org.opengovdata.catalog.api.model.PolicySummaryDto;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.tabular.TabularResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyResources {

  /**
   * The policy list as a list resource: pages, cursor, CSV. Its stamp changes with every write and
   * every day (validity is computed for today).
   */
  @Bean
  TabularResource<PolicyRow, PolicyFilter, PolicySummaryDto> policies(
      PolicyRepository policies, PolicyStore store, PolicyWorkflow workflow, CatalogCache cache) {
    return new TabularResource<>(
        "policies",
        policies,
        PolicyColumns.SORT,
        PolicyColumns.COLUMNS,
        cache,
        () -> "policies|" + store.stamp() + "|" + workflow.today());
  }
}
