package org.opengovdata.catalog.fiscal;

import org.opengovdata.catalog.api.ThreePublicExpensesApi;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.api.model.ThreePublicExpenseListDto;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThreePublicExpensesController implements ThreePublicExpensesApi {

  private final ThreePublicExpenseRepository expenses;
  private final FiscalItems items;
  private final ReferenceData reference;

  ThreePublicExpensesController(
      ThreePublicExpenseRepository expenses, FiscalItems items, ReferenceData reference) {
    this.expenses = expenses;
    this.items = items;
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
    Read read = Read.of(items.stamp(), Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<ThreePublicExpenseListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    var columns = ThreePublicExpenseColumns.COLUMNS;
    long total = expenses.count(filter);
    if (read.csv()) {
      read.writeCsv(
          "three-public-expenses",
          columns.all(),
          total,
          sink -> expenses.stream(filter, order, sink));
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new ThreePublicExpenseListDto()
            .data(
                expenses.page(filter, order, pageRequest).stream()
                    .map(r -> columns.toDto(r, columns.all()))
                    .toList())
            .meta(ListEnvelope.meta(columns.all(), total, pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, total)));
  }
}
