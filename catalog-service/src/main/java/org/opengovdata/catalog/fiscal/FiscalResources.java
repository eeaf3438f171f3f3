package org.opengovdata.catalog.fiscal;

import org.opengovdata.catalog.api.model.FiscalItemDto;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.common.paging.KeysetCursor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FiscalResources {

  /** The line items as a list resource: pages, cursor, CSV; totals cached per data version. */
  @Bean
  TabularResource<FiscalItem, FiscalFilter, FiscalItemDto> fiscalItems(
      FiscalItemRepository items,
      DatasetCatalog catalog,
      CatalogCache cache,
      KeysetCursor cursors) {
    return new TabularResource<>(
        "fiscal-items",
        items,
        FiscalItemColumns.SORT,
        FiscalItemColumns.COLUMNS,
        cache,
        () -> catalog.stamp(DatasetCatalog.THEME_FISCAL),
        cursors);
  }
}
