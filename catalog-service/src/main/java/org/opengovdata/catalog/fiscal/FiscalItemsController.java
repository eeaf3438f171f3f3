package org.opengovdata.catalog.fiscal;

import org.opengovdata.catalog.api.FiscalItemsApi;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.BulkLoadResultDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.FiscalItemDto;
import org.opengovdata.catalog.api.model.FiscalItemListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.TabularList;
import org.opengovdata.common.security.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FiscalItemsController implements FiscalItemsApi {

  private final TabularResource<FiscalItem, FiscalFilter, FiscalItemDto> items;
  private final FiscalItemLoader loader;
  private final ReferenceData reference;

  FiscalItemsController(
      TabularResource<FiscalItem, FiscalFilter, FiscalItemDto> items,
      FiscalItemLoader loader,
      ReferenceData reference) {
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
            stage,
            direction,
            classification,
            modifiedSince);
    return TabularList.answer(
        items,
        filter,
        new ListParameters(sort, fields, page, size, cursor, format, ifNoneMatch)
            .withLabels(labels),
        (data, meta, links) -> new FiscalItemListDto().data(data).meta(meta).links(links));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<BulkLoadResultDto> loadFiscalItems(InputStreamResource body) {
    return ResponseEntity.ok(
        loader.load(BulkUpload.of(body), Caller.current().orElseThrow()).toDto());
  }
}
