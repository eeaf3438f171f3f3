package org.opengovdata.catalog.fiscal;

import org.opengovdata.catalog.api.FiscalAggregatesApi;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FiscalExecutionListDto;
import org.opengovdata.catalog.api.model.FiscalSummaryListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.GroupByDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.InMemoryRows;
import org.opengovdata.catalog.web.PagedList;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FiscalAggregatesController implements FiscalAggregatesApi {

  private final FiscalAggregates aggregates;
  private final DatasetCatalog catalog;
  private final ReferenceData reference;

  FiscalAggregatesController(
      FiscalAggregates aggregates, DatasetCatalog catalog, ReferenceData reference) {
    this.aggregates = aggregates;
    this.catalog = catalog;
    this.reference = reference;
  }

  @Override
  public ResponseEntity<FiscalSummaryListDto> getFiscalSummary(
      GroupByDto groupBy,
      Integer level,
      Integer year,
      Integer yearFrom,
      Integer yearTo,
      String region,
      Boolean includeSubregions,
      BudgetTypeDto budgetType,
      StageDto stage,
      DirectionDto direction,
      String classification,
      String modifiedSince,
      String sort,
      Integer page,
      Integer size,
      FormatDto format,
      String ifNoneMatch) {
    GroupBy by = GroupBy.valueOf(groupBy.name());
    if (level != null && by != GroupBy.CLASSIFICATION) {
      throw ApiException.invalidParameter("level", "level applies to groupBy=classification only");
    }
    FiscalFilter filter =
        FiscalFilter.of(
            reference,
            year,
            yearFrom,
            yearTo,
            region,
            includeSubregions,
            budgetType,
            stage,
            direction,
            classification,
            modifiedSince);
    SortOrder order =
        SortOrder.parse("sort", sort, AggregateColumns.SUMMARY_SORT.keySet(), SortOrder.of("key"))
            .thenBy(SortOrder.of("key"));
    String stamp = catalog.stamp(DatasetCatalog.THEME_FISCAL);
    int depth = level == null ? 1 : level;
    return PagedList.answer(
        Read.of(stamp, Formats.explicit(format), Formats.TABULAR),
        ifNoneMatch,
        "fiscal-summary",
        AggregateColumns.SUMMARY,
        PagedList.Rows.computed(
            () ->
                InMemoryRows.sort(
                    aggregates.summary(stamp, filter, by, depth),
                    order,
                    AggregateColumns.SUMMARY_SORT)),
        new PageRequest(page, size),
        (data, meta, links) -> new FiscalSummaryListDto().data(data).meta(meta).links(links));
  }

  @Override
  public ResponseEntity<FiscalExecutionListDto> getFiscalExecution(
      Integer level,
      Integer year,
      Integer yearFrom,
      Integer yearTo,
      String region,
      Boolean includeSubregions,
      BudgetTypeDto budgetType,
      DirectionDto direction,
      String classification,
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
            budgetType,
            null,
            direction,
            classification,
            modifiedSince);
    SortOrder order =
        SortOrder.parse(
                "sort",
                sort,
                AggregateColumns.EXECUTION_SORT.keySet(),
                SortOrder.of("classificationCode"))
            .thenBy(SortOrder.of("classificationCode"));
    String stamp = catalog.stamp(DatasetCatalog.THEME_FISCAL);
    int depth = level == null ? 1 : level;
    return PagedList.answer(
        Read.of(stamp, Formats.explicit(format), Formats.TABULAR),
        ifNoneMatch,
        "fiscal-execution",
        AggregateColumns.EXECUTION,
        PagedList.Rows.computed(
            () ->
                InMemoryRows.sort(
                    aggregates.execution(stamp, filter, depth),
                    order,
                    AggregateColumns.EXECUTION_SORT)),
        new PageRequest(page, size),
        (data, meta, links) -> new FiscalExecutionListDto().data(data).meta(meta).links(links));
  }
}
