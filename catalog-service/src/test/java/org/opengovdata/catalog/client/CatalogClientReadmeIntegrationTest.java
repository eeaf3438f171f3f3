package org.opengovdata.catalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.client.catalog.CatalogClient;
import org.opengovdata.client.catalog.api.DatasetsApi.APIListDatasetsRequest;
import org.opengovdata.client.catalog.api.FiscalAggregatesApi.APIGetFiscalSummaryRequest;
import org.opengovdata.client.catalog.api.FiscalItemsApi.APIListFiscalItemsRequest;
import org.opengovdata.client.catalog.invoker.ApiException;
import org.opengovdata.client.catalog.model.BudgetType;
import org.opengovdata.client.catalog.model.DatasetList;
import org.opengovdata.client.catalog.model.Direction;
import org.opengovdata.client.catalog.model.FiscalItem;
import org.opengovdata.client.catalog.model.FiscalItemList;
import org.opengovdata.client.catalog.model.FiscalSummaryList;
import org.opengovdata.client.catalog.model.GroupBy;
import org.opengovdata.client.catalog.model.Stage;

/**
 * The calls of {@code clients/catalog-client/README.md}, made with the generated SDK against the
 * running service: a summary, a cursor walk, a CSV download, the DCAT JSON-LD and a conditional
 * read. Keep the README and this test in step.
 */
class CatalogClientReadmeIntegrationTest extends CatalogIntegrationTest {

  private CatalogClient client;

  @BeforeEach
  void ordos2024() {
    resetData();
    HttpResponseAssert.ok(
        loadFiscal(
            "year,region,budgetType,stage,direction,classification,amount\n"
                + "2024,150600,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050201,1200.10\n"
                + "2024,150600,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,34.05\n"
                + "2024,150600,GENERAL_PUBLIC,FINAL,EXPENDITURE,2080101,99999999999999.99\n"
                + "2024,150600,GENERAL_PUBLIC,BUDGET,EXPENDITURE,2050201,1000.00\n"
                + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050201,7.00\n"));
    client = CatalogClient.of(URI.create("http://localhost:" + port));
  }

  @Test
  void aSummaryWithExactDecimalAmounts() throws ApiException {
    // README step 1
    FiscalSummaryList summary =
        client
            .fiscalAggregates()
            .getFiscalSummary(
                APIGetFiscalSummaryRequest.newBuilder()
                    .groupBy(List.of(GroupBy.CLASSIFICATION))
                    .level(1)
                    .year(2024)
                    .region("150600")
                    .budgetType(BudgetType.GENERAL_PUBLIC)
                    .stage(Stage.FINAL)
                    .direction(Direction.EXPENDITURE)
                    .build());
    BigDecimal education =
        summary.getData().stream()
            .filter(row -> row.getKey().equals("205"))
            .findFirst()
            .orElseThrow()
            .getAmount();
    assertThat(education).isEqualTo(new BigDecimal("1234.15"));
    // 16 integer digits survive: a double would have rounded this
    assertThat(summary.getData().get(1).getAmount()).isEqualTo(new BigDecimal("99999999999999.99"));
  }

  @Test
  void aCursorWalkReturnsEveryItemOnce() throws ApiException {
    // README step 2
    List<FiscalItem> items = new ArrayList<>();
    String cursor = null;
    do {
      FiscalItemList page =
          client
              .fiscalItems()
              .listFiscalItems(
                  APIListFiscalItemsRequest.newBuilder()
                      .region("150600")
                      .year(2024)
                      .size(1)
                      .cursor(cursor)
                      .build());
      items.addAll(page.getData());
      cursor = page.getMeta().getNextCursor();
    } while (cursor != null);
    assertThat(items)
        .extracting(FiscalItem::getClassificationCode)
        .containsExactlyInAnyOrder("2050201", "2050202", "2080101", "2050201");
  }

  @Test
  void csvAndJsonLdAreStreamedNotParsedAsJson() throws Exception {
    // README step 3
    try (InputStream csv =
        client.download("/api/v1/catalog/fiscal/items?region=150600&year=2024&format=csv")) {
      String text = new String(csv.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).startsWith("\uFEFF").contains("2050202").contains("34.05");
      assertThat(text.strip().split("\r\n")).hasSize(5);
    }
    // README step 4
    try (InputStream dcat = client.download("/api/v1/catalog/datasets?format=jsonld")) {
      assertThat(new String(dcat.readAllBytes(), StandardCharsets.UTF_8))
          .contains("dcat:Catalog")
          .contains("fiscal-general-public");
    }
    assertThatThrownBy(() -> client.download("/api/v1/catalog/fiscal/items?year=abcd&format=csv"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(400);
              assertThat(e.getResponseBody()).contains("year");
            });
  }

  @Test
  void aConditionalReadAnswers304AsNotModifiedNotAsAnException() throws ApiException {
    // README step 5
    CatalogClient.Conditional<DatasetList> first =
        CatalogClient.conditional(
            () ->
                client
                    .datasets()
                    .listDatasetsWithHttpInfo(APIListDatasetsRequest.newBuilder().build()));
    assertThat(first.notModified()).isFalse();
    assertThat(first.etag()).isNotBlank();
    assertThat(first.body().getData()).isNotEmpty();

    CatalogClient.Conditional<DatasetList> again =
        CatalogClient.conditional(
            () ->
                client
                    .datasets()
                    .listDatasetsWithHttpInfo(
                        APIListDatasetsRequest.newBuilder().ifNoneMatch(first.etag()).build()));
    assertThat(again.notModified()).isTrue();
    assertThat(again.etag()).isEqualTo(first.etag());
  }

  /** Loads must succeed before the SDK reads them. */
  private static final class HttpResponseAssert {
    static void ok(java.net.http.HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }
}
