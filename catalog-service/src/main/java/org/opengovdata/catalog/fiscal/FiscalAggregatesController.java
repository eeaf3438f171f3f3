package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.api.FiscalAggregatesApi;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FiscalExecutionListDto;
import org.opengovdata.catalog.api.model.FiscalSummaryListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.GroupByDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.InMemoryRows;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FiscalAggregatesController implements FiscalAggregatesApi {

  private final FiscalAggregates aggregates;
  private final FiscalItems items;
  private final ReferenceData reference;

  FiscalAggregatesController(
      FiscalAggregates aggregates, FiscalItems items, ReferenceData reference) {
    this.aggregates = aggregates;
    this.items = items;
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
    String stamp = items.stamp();
    Read read = Read.of(stamp, Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<FiscalSummaryListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    List<SummaryRow> rows =
        InMemoryRows.sort(
            aggregates.summary(stamp, filter, by, level == null ? 1 : level),
            order,
            AggregateColumns.SUMMARY_SORT);
    if (read.csv()) {
      read.writeCsv("fiscal-summary", AggregateColumns.SUMMARY.all(), rows.size(), rows::forEach);
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new FiscalSummaryListDto()
            .data(
                InMemoryRows.page(rows, pageRequest).stream()
                    .map(r -> AggregateColumns.SUMMARY.toDto(r, AggregateColumns.SUMMARY.all()))
                    .toList())
            .meta(ListEnvelope.meta(AggregateColumns.SUMMARY.all(), rows.size(), pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, rows.size())));
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
    String stamp = items.stamp();
    Read read = Read.of(stamp, Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<FiscalExecutionListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    List<ExecutionRow> rows =
        InMemoryRows.sort(
            aggregates.execution(stamp, filter, level == null ? 1 : level),
            order,
            AggregateColumns.EXECUTION_SORT);
    if (read.csv()) {
      read.writeCsv(
          "fiscal-execution", AggregateColumns.EXECUTION.all(), rows.size(), rows::forEach);
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    return read.ok(
        new FiscalExecutionListDto()
            .data(
                InMemoryRows.page(rows, pageRequest).stream()
                    .map(r -> AggregateColumns.EXECUTION.toDto(r, AggregateColumns.EXECUTION.all()))
                    .toList())
            .meta(
                ListEnvelope.meta(AggregateColumns.EXECUTION.all(), rows.size(), pageRequest, null))
            .links(ListEnvelope.pageLinks(pageRequest, rows.size())));
  }
}
