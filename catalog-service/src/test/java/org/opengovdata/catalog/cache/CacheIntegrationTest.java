package org.opengovdata.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/**
 * Aggregates and totals are served from Redis while the data version is unchanged, and a load
 * invalidates them. The test changes a row behind the service's back (no load, so no new version)
 * to see which answers come from the cache.
 */
class CacheIntegrationTest extends CatalogIntegrationTest {

  private static final String HEADER =
      "year,region,budgetType,stage,direction,classification,amount\n";
  private static final String SUMMARY =
      "/fiscal/summary?year=2024&region=150700&budgetType=GENERAL_PUBLIC&stage=FINAL"
          + "&direction=EXPENDITURE&groupBy=classification&level=1";

  @BeforeEach
  void hulunbuirEducation() {
    resetData();
    assertThat(
            loadFiscal(
                    HEADER
                        + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050201,100.00\n"
                        + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,200.00\n")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void summaryComesFromTheCacheUntilALoadInvalidatesIt() {
    assertThat(amounts(SUMMARY)).containsExactly("300.00");

    jdbc.sql("update fiscal_item set amount = 1000.00 where classification_code = '2050201'")
        .update();
    assertThat(amounts(SUMMARY)).as("cached").containsExactly("300.00");

    assertThat(
            loadFiscal(HEADER + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,5.00\n")
                .statusCode())
        .isEqualTo(200);
    assertThat(amounts(SUMMARY)).as("after a load").containsExactly("1205.00");
  }

  @Test
  void totalsAreCachedAndInvalidatedToo() {
    String items = "/fiscal/items?region=150700&size=1";
    assertThat(total(items)).isEqualTo(2);
    jdbc.sql("delete from fiscal_item where classification_code = '2050202'").update();
    assertThat(total(items)).as("cached").isEqualTo(2);
    assertThat(
            loadFiscal(
                    HEADER
                        + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,5.00\n"
                        + "2024,150700,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050204,6.00\n")
                .statusCode())
        .isEqualTo(200);
    assertThat(total(items)).as("after a load").isEqualTo(3);
  }

  private List<String> amounts(String query) {
    return JsonPath.read(get(query).body(), "$.data[*].amount");
  }

  private int total(String query) {
    return JsonPath.read(get(query).body(), "$.meta.total");
  }
}
