package org.opengovdata.catalog.fiscal;

import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.catalog.api.ThreePublicExpensesApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.api.model.ThreePublicExpenseListDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.PagedList;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
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
    SortOrder order =
        SortOrder.parse(
                "sort",
                sort,
                ThreePublicExpenseRepository.SORT_COLUMNS.keySet(),
                ThreePublicExpenseRepository.KEY)
            .thenBy(ThreePublicExpenseRepository.KEY);
    return PagedList.answer(
        Read.of(
            catalog.stamp(DatasetCatalog.THEME_FISCAL), Formats.explicit(format), Formats.TABULAR),
        ifNoneMatch,
        "three-public-expenses",
        ThreePublicExpenseColumns.COLUMNS,
        new PagedList.Rows<>() {
          @Override
          public long total() {
            return expenses.count(filter);
          }

          @Override
          public List<ThreePublicExpense> page(PageRequest page) {
            return expenses.page(filter, order, page);
          }

          @Override
          public void all(Consumer<ThreePublicExpense> sink) {
            expenses.stream(filter, order, sink);
          }
        },
        new PageRequest(page, size),
        (data, meta, links) -> new ThreePublicExpenseListDto().data(data).meta(meta).links(links));
  }
}
