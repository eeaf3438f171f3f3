package org.opengovdata.catalog.fiscal;

import java.util.List;
import org.opengovdata.catalog.api.FiscalItemsApi;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.BulkLoadResultDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FiscalItemDto;
import org.opengovdata.catalog.api.model.FiscalItemListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.web.Column;
import org.opengovdata.catalog.web.Formats;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FiscalItemsController implements FiscalItemsApi {

  private final FiscalItems items;
  private final FiscalItemLoader loader;
  private final ReferenceData reference;

  FiscalItemsController(FiscalItems items, FiscalItemLoader loader, ReferenceData reference) {
    this.items = items;
    this.loader = loader;
    this.reference = reference;
  }

  @Override
  public ResponseEntity<FiscalItemListDto> listFiscalItems(
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
      String fields,
      Integer page,
      Integer size,
      String cursor,
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
            stage,
            direction,
            classification,
            modifiedSince);
    SortOrder order = FiscalItemColumns.SORT.sort(sort);
    List<Column<FiscalItem, FiscalItemDto>> columns = FiscalItemColumns.COLUMNS.select(fields);
    if (cursor != null && page != 0) {
      throw ApiException.invalidParameter("cursor", "give either page or cursor, not both");
    }
    String stamp = items.stamp();
    Read read = Read.of(stamp, Formats.explicit(format), Formats.TABULAR);
    ResponseEntity<FiscalItemListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    if (read.csv()) {
      read.writeCsv(
          "fiscal-items",
          columns,
          items.total(stamp, filter),
          sink -> items.export(filter, order, sink));
      return null;
    }
    PageRequest pageRequest = new PageRequest(page, size);
    FiscalItems.Page result =
        cursor == null
            ? items.page(stamp, filter, order, pageRequest)
            : items.afterCursor(stamp, filter, order, cursor, size);
    return read.ok(
        new FiscalItemListDto()
            .data(
                result.rows().stream()
                    .map(r -> FiscalItemColumns.COLUMNS.toDto(r, columns))
                    .toList())
            .meta(
                cursor == null
                    ? ListEnvelope.meta(columns, result.total(), pageRequest, result.nextCursor())
                    : ListEnvelope.cursorMeta(columns, result.total(), size, result.nextCursor()))
            .links(
                cursor == null
                    ? ListEnvelope.pageLinks(pageRequest, result.total())
                    : ListEnvelope.cursorLinks(result.nextCursor())));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<BulkLoadResultDto> loadFiscalItems(InputStreamResource body) {
    return ResponseEntity.ok(loader.load(BulkUpload.of(body)).toDto());
  }
}
