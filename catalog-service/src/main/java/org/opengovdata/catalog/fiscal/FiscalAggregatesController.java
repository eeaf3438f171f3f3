package org.opengovdata.catalog.fiscal;

import java.util.List;
import java.util.function.Function;
import org.opengovdata.catalog.api.FiscalAggregatesApi;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FiscalExecutionListDto;
import org.opengovdata.catalog.api.model.FiscalSummaryListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.GroupByDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.dataset.DatasetCatalog;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.InMemoryRows;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.PagedList;
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
      List<GroupByDto> groupBy,
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
      LabelsDto labels,
      String ifNoneMatch) {
    List<GroupBy> by = groupBy(groupBy);
    if (level != null && !by.contains(GroupBy.CLASSIFICATION)) {
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
    for (GroupBy dimension : GroupBy.NEVER_ADDED) {
      if (!by.contains(dimension) && !filter.fixes(dimension)) {
        throw neverAdded(
            dimension,
            "or add it to groupBy (groupBy=" + groupByText(by) + "," + dimension.parameter() + ")");
      }
    }
    return answer(
        "fiscal-summary",
        AggregateColumns.SUMMARY,
        AggregateColumns.SUMMARY_SORT,
        sort,
        stamp -> aggregates.summary(stamp, filter, by, depth(level)),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
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
            budgetType,
            null, // execution compares the stages
            direction,
            classification,
            modifiedSince);
    for (GroupBy dimension : List.of(GroupBy.BUDGET_TYPE, GroupBy.DIRECTION)) {
      if (!filter.fixes(dimension)) {
        throw neverAdded(dimension, "execution compares the stages of one budget and direction");
      }
    }
    return answer(
        "fiscal-execution",
        AggregateColumns.EXECUTION,
        AggregateColumns.EXECUTION_SORT,
        sort,
        stamp -> aggregates.execution(stamp, filter, depth(level)),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new FiscalExecutionListDto().data(data).meta(meta).links(links));
  }

  /**
   * The one answer path of both aggregates: sort checked first (a bad {@code sort} is a 400 even
   * when a 304 would apply), then the ETag of the fiscal data's version, and only when the answer
   * needs rows the (cached) sums, sorted in memory.
   */
  private <R, D, L> ResponseEntity<L> answer(
      String name,
      Columns<R, D> columns,
      InMemoryRows<R> sortFields,
      String sort,
      Function<String, List<R>> compute,
      ListParameters parameters,
      ListEnvelope.Factory<D, L> envelope) {
    SortOrder order = sortFields.sort(sort);
    String stamp = catalog.stamp(DatasetCatalog.THEME_FISCAL);
    PagedRows<R> rows = PagedRows.computed(() -> sortFields.sorted(compute.apply(stamp), order));
    return PagedList.answer(stamp, name, columns, rows, parameters, envelope);
  }

  /** One or two distinct dimensions, in the order given (the spec bounds the count). */
  private static List<GroupBy> groupBy(List<GroupByDto> requested) {
    if (requested == null || requested.isEmpty()) {
      throw ApiException.invalidParameter(
          "groupBy", "groupBy is required: one field, or two separated by a comma");
    }
    List<GroupBy> by = requested.stream().map(dto -> GroupBy.valueOf(dto.name())).toList();
    if (by.size() == 2 && by.get(0) == by.get(1)) {
      throw ApiException.invalidParameter(
          "groupBy", "groupBy names " + by.get(0).parameter() + " twice");
    }
    return by;
  }

  private static String groupByText(List<GroupBy> by) {
    return String.join(",", by.stream().map(GroupBy::parameter).toList());
  }

  private static ApiException neverAdded(GroupBy dimension, String remedy) {
    String what =
        switch (dimension) {
          case STAGE -> "预算, 调整预算 and 决算 are the same money at three moments";
          case BUDGET_TYPE -> "the four budgets (四本预算) overlap through transfers";
          default -> "revenue and expenditure are not added together";
        };
    return ApiException.invalidParameter(
        dimension.parameter(),
        dimension.parameter()
            + " is required: "
            + what
            + "; give "
            + dimension.parameter()
            + "=… "
            + remedy);
  }

  private static int depth(Integer level) {
    return level == null ? 1 : level;
  }
}
