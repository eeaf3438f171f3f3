package org.opengovdata.catalog.statistics;

import org.opengovdata.catalog.api.model.ObservationDto;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.common.paging.KeysetCursor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsResources {

  /** The observations as a list resource: pages, cursor, CSV; totals cached per data version. */
  @Bean
  TabularResource<Observation, ObservationFilter, ObservationDto> observations(
      ObservationRepository observations,
      DatasetCatalog catalog,
      CatalogCache cache,
      KeysetCursor cursors) {
    return new TabularResource<>(
        "observations",
        observations,
        ObservationColumns.SORT,
        ObservationColumns.COLUMNS,
        cache,
        () -> catalog.stamp(DatasetCatalog.THEME_STATISTICS),
        cursors);
  }
}
