package org.opengovdata.catalog.fiscal;

import org.opengovdata.catalog.api.ThreePublicExpensesApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.api.model.ThreePublicExpenseListDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.PagedList;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThreePublicExpensesController implements ThreePublicExpensesApi {

  private final ThreePublicExpenseRepository expenses;
  private final DatasetCatalog catalog;
  private final ReferenceData reference;

  ThreePublicExpensesController(
      ThreePublicExpenseRepository expenses, DatasetCatalog catalog, ReferenceData reference) {
    this.expenses = expenses;
    this.catalog = catalog;
    this.reference = reference;
  }

  @Override
  public ResponseEntity<ThreePublicExpenseListDto> listThreePublicExpenses(
      Integer year,
      Integer yearFrom,
      Integer yearTo,
      String region,
      Boolean includeSubregions,
      StageDto stage,
      String modifiedSince,
      String sort,
      Integer page,
      Integer size,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    FiscalFilter filter =
        FiscalFilter.of(
            reference,
            year,
            yearFrom,
            yearTo,
            region,
            includeSubregions,
            null,
            stage,
            null,
            null,
            modifiedSince);
    SortOrder order = ThreePublicExpenseColumns.SORT.sort(sort);
    return PagedList.answer(
        catalog.stamp(DatasetCatalog.THEME_FISCAL),
        "three-public-expenses",
        ThreePublicExpenseColumns.COLUMNS,
        PagedRows.of(expenses, filter, order),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new ThreePublicExpenseListDto().data(data).meta(meta).links(links));
  }
}
