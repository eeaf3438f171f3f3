package org.opengovdata.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** The per-dataset download file: the CSV's bytes, with validators, rebuilt after every load. */
class DatasetDownloadIntegrationTest extends CatalogIntegrationTest {

  private static final String HEADER =
      "year,region,budgetType,stage,direction,classification,amount\n";

  @BeforeEach
  void emptyCatalogue() {
    resetData();
  }

  @Test
  void aDatasetDownloadIsTheCsvAsOneFileWithLengthETagAndLastModified() {
    load("2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1234.50\n");

    HttpResponse<String> download = get("/datasets/fiscal-general-public/download");
    assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(download.headers().firstValueAsLong("Content-Length"))
        .hasValue(download.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"fiscal-general-public.csv\"");
    assertThat(download.body())
        .isEqualTo(get("/fiscal/items?budgetType=GENERAL_PUBLIC&format=csv").body())
        .contains("2050202")
        .contains("1234.50");
    String etag = download.headers().firstValue("ETag").orElseThrow();
    String lastModified = download.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> again = get("/datasets/fiscal-general-public/download");
    assertThat(again.body()).isEqualTo(download.body());
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    HttpResponse<String> current =
        get("/datasets/fiscal-general-public/download", "If-None-Match", etag);
    assertThat(current.statusCode()).isEqualTo(304);
    assertThat(current.body()).isEmpty();
    assertThat(current.headers().firstValue("ETag")).hasValue(etag);
    assertThat(
            get("/datasets/fiscal-general-public/download", "If-Modified-Since", lastModified)
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void aLoadMakesANewFileAndTheOldETagNoLongerMatches() {
    load("2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,1.00\n");
    HttpResponse<String> before = get("/datasets/fiscal-general-public/download");
    String etag = before.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> otherBudget = get("/datasets/fiscal-government-fund/download");
    String otherEtag = otherBudget.headers().firstValue("ETag").orElseThrow();

    load("2024,150603,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,2.00\n");

    HttpResponse<String> after =
        get("/datasets/fiscal-general-public/download", "If-None-Match", etag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag"))
        .isPresent()
        .isNotEqualTo(java.util.Optional.of(etag));
    assertThat(after.body()).contains("150602").contains("150603");
    assertThat(after.body())
        .isEqualTo(get("/fiscal/items?budgetType=GENERAL_PUBLIC&format=csv").body());
    // a load of one budget leaves the other budgets' files (and validators) alone
    assertThat(
            get("/datasets/fiscal-government-fund/download", "If-None-Match", otherEtag)
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void everyDatasetHasADownloadAndAnUnknownOneIs404() {
    for (String id :
        new String[] {
          "fiscal-general-public",
          "fiscal-government-fund",
          "fiscal-state-capital",
          "fiscal-social-insurance",
          "fiscal-three-public",
          "statistics-national-economy"
        }) {
      HttpResponse<String> download = get("/datasets/" + id + "/download");
      assertThat(download.statusCode()).as(id).isEqualTo(200);
      assertThat(download.body()).as(id).startsWith("\uFEFF");
    }
    assertThat(get("/datasets/fiscal-three-public/download").body())
        .isEqualTo(get("/fiscal/three-public-expenses?format=csv").body());
    assertThat(get("/datasets/statistics-national-economy/download").body())
        .isEqualTo(get("/statistics/observations?format=csv").body());
    HttpResponse<String> missing = get("/datasets/no-such-dataset/download");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private void load(String rows) {
    HttpResponse<String> load = loadFiscal(HEADER + rows);
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
  }
}
