package org.opengovdata.catalog.fiscal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengovdata.catalog.api.model.FiscalItemDto;
import org.opengovdata.catalog.dataset.DatasetCsv;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.CsvExport;
import org.opengovdata.catalog.tabular.TabularResource;
import org.springframework.stereotype.Component;

/**
 * The whole CSV of each fiscal dataset — the line items of one budget type, and 三公经费 — written as
 * {@code /fiscal/items?budgetType=…&format=csv} and {@code
 * /fiscal/three-public-expenses?format=csv} write them.
 */
@Component
class FiscalDatasetCsv implements DatasetCsv {

  static final String THREE_PUBLIC = "fiscal-three-public";

  private final TabularResource<FiscalItem, FiscalFilter, FiscalItemDto> items;
  private final ThreePublicExpenseRepository threePublic;

  FiscalDatasetCsv(
      TabularResource<FiscalItem, FiscalFilter, FiscalItemDto> items,
      ThreePublicExpenseRepository threePublic) {
    this.items = items;
    this.threePublic = threePublic;
  }

  @Override
  public Set<String> datasetIds() {
    Set<String> ids =
        Arrays.stream(BudgetType.values()).map(BudgetType::datasetId).collect(Collectors.toSet());
    ids.add(THREE_PUBLIC);
    return Set.copyOf(ids);
  }

  @Override
  public void write(String datasetId, OutputStream out) throws IOException {
    if (THREE_PUBLIC.equals(datasetId)) {
      CsvExport.write(
          out,
          ThreePublicExpenseColumns.COLUMNS.all(),
          Column::key,
          sink -> threePublic.stream(all(null), ThreePublicExpenseColumns.SORT.sort(null), sink));
      return;
    }
    BudgetType budget =
        Arrays.stream(BudgetType.values())
            .filter(b -> b.datasetId().equals(datasetId))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not a fiscal dataset: " + datasetId));
    items.writeCsv(all(budget), items.sort(null), items.columns().all(), Column::key, out);
  }

  private static FiscalFilter all(BudgetType budget) {
    return new FiscalFilter(Years.of(null, null, null), null, budget, null, null, null, null);
  }
}
