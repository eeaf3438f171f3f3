package org.opengovdata.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** The catalogue as JSON, DCAT JSON-LD and CSV; the reference code lists. */
class DatasetsIntegrationTest extends CatalogIntegrationTest {

  @Test
  void theCatalogueListsEveryDatasetWithDistributionsFrequencyAndModified() {
    HttpResponse<String> response = get("/datasets");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(response.body(), "$.data[*].id"))
        .containsExactly(
            "fiscal-general-public",
            "fiscal-government-fund",
            "fiscal-social-insurance",
            "fiscal-state-capital",
            "fiscal-three-public",
            "statistics-national-economy");
    Map<String, Object> general = JsonPath.read(response.body(), "$.data[0]");
    assertThat(general)
        .containsEntry("title", "内蒙古自治区一般公共预算收支")
        .containsEntry("theme", "fiscal")
        .containsEntry("updateFrequency", "ANNUAL")
        .containsEntry("regionName", "内蒙古自治区")
        .containsKeys("modified", "version", "issued", "publisher");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.data[0].distributions[*].accessUrl"))
        .containsExactly(
            "/api/v1/catalog/fiscal/items?budgetType=GENERAL_PUBLIC",
            "/api/v1/catalog/fiscal/items?budgetType=GENERAL_PUBLIC&format=csv");
    assertThat(JsonPath.<List<String>>read(response.body(), "$.data[0].distributions[*].mediaType"))
        .containsExactly("application/json", "text/csv");
    assertThat(
            JsonPath.<List<String>>read(response.body(), "$.data[0].distributions[*].downloadUrl"))
        .containsExactly("/api/v1/catalog/datasets/fiscal-general-public/download");
  }

  @Test
  void filtersByThemeRegionTextAndModifiedSince() {
    assertThat(ids("theme=statistics")).containsExactly("statistics-national-economy");
    assertThat(ids("theme=policy")).isEmpty();
    assertThat(ids("region=150602")).hasSize(6); // a county is covered by the region-wide datasets
    assertThat(ids("q=" + encode("三公"))).containsExactly("fiscal-three-public");
    assertThat(ids("q=pension&sort=-id")).isEmpty();
    assertThat(ids("q=" + encode("养老保险"))).containsExactly("fiscal-social-insurance");
    OffsetDateTime now = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    assertThat(ids("modifiedSince=" + encode(now.toString()))).isEmpty();
    jdbc.sql(
            "update dataset set modified = clock_timestamp(), version = version + 1 where id = 'fiscal-state-capital'")
        .update();
    assertThat(ids("modifiedSince=" + encode(now.toString())))
        .containsExactly("fiscal-state-capital");
    assertThat(ids("sort=-modified&size=1")).containsExactly("fiscal-state-capital");
  }

  @Test
  void oneDatasetAsJsonAndAsDcatJsonLd() {
    HttpResponse<String> json = get("/datasets/fiscal-three-public");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(json.body(), "$.title")).isEqualTo("内蒙古自治区“三公”经费");

    HttpResponse<String> ld = get("/datasets/fiscal-three-public", "Accept", "application/ld+json");
    assertThat(ld.statusCode()).isEqualTo(200);
    assertThat(ld.headers().firstValue("Content-Type")).hasValue("application/ld+json");
    assertThat(JsonPath.<String>read(ld.body(), "$['@type']")).isEqualTo("dcat:Dataset");
    assertThat(JsonPath.<String>read(ld.body(), "$['@context'].dcat"))
        .isEqualTo("http://www.w3.org/ns/dcat#");
    assertThat(
            JsonPath.<List<String>>read(
                ld.body(), "$['dcat:distribution'][*]['dcat:mediaType']['@id']"))
        .containsExactly(
            "http://www.iana.org/assignments/media-types/application/json",
            "http://www.iana.org/assignments/media-types/text/csv");
    assertThat(JsonPath.<String>read(ld.body(), "$['dct:accrualPeriodicity']['@id']"))
        .endsWith("/frequency/ANNUAL");
    assertThat(get("/datasets/fiscal-three-public?format=jsonld").body()).isEqualTo(ld.body());
    assertThat(ld.headers().firstValue("ETag")).isNotEqualTo(json.headers().firstValue("ETag"));

    HttpResponse<String> catalog = get("/datasets?format=jsonld");
    assertThat(JsonPath.<String>read(catalog.body(), "$['@type']")).isEqualTo("dcat:Catalog");
    assertThat(JsonPath.<List<?>>read(catalog.body(), "$['dcat:dataset']")).hasSize(6);
  }

  @Test
  void unknownDatasetIs404AndCurrentCopyIs304() {
    HttpResponse<String> missing = get("/datasets/no-such-dataset");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    String etag = get("/datasets/fiscal-general-public").headers().firstValue("ETag").orElseThrow();
    assertThat(get("/datasets/fiscal-general-public", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(get("/datasets", "If-None-Match", "*").statusCode()).isEqualTo(304);
  }

  @Test
  void catalogueAsCsv() {
    HttpResponse<String> csv = get("/datasets", "Accept", "text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .startsWith("\uFEFFid,theme,title,titleEn,description,publisher,regionCode,keywords");
    assertThat(lines).hasSize(7);
    assertThat(lines[1]).startsWith("fiscal-general-public,fiscal,内蒙古自治区一般公共预算收支,");
    assertThat(lines[5]).contains(",内蒙古自治区“三公”经费,");
  }

  @Test
  void referenceListsRegionsAndClassification() {
    assertThat(JsonPath.<Integer>read(get("/reference/regions?size=1").body(), "$.meta.total"))
        .isEqualTo(121);
    assertThat(
            JsonPath.<Integer>read(
                get("/reference/regions?level=prefecture").body(), "$.meta.total"))
        .isEqualTo(12);
    assertThat(
            JsonPath.<List<String>>read(
                get("/reference/regions?parent=150600&size=100").body(), "$.data[*].name"))
        .contains("东胜区", "准格尔旗", "伊金霍洛旗");
    assertThat(
            JsonPath.<Integer>read(
                get("/reference/classifications?direction=EXPENDITURE&level=1&size=100").body(),
                "$.meta.total"))
        .isEqualTo(29);
    assertThat(
            JsonPath.<List<String>>read(
                get("/reference/classifications?classification=20502").body(), "$.data[*].code"))
        .containsExactly("20502", "2050201", "2050202", "2050203", "2050204", "2050205");
    assertThat(get("/reference/regions?format=csv&level=province").body())
        .isEqualTo("\uFEFFcode,name,level,parentCode\r\n150000,内蒙古自治区,province,\r\n");
  }

  private List<String> ids(String query) {
    HttpResponse<String> response = get("/datasets?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.read(response.body(), "$.data[*].id");
  }
}
