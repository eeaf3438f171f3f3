package org.opengovdata.search.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTreeTest {

  private final RegionTree regions = new RegionTree();

  @Test
  void aCountyLiesUnderItsPrefectureAndTheRegion() {
    assertThat(regions.lineage("150602")).containsExactly("150602", "150600", "150000");
    assertThat(regions.lineage("150000")).containsExactly("150000");
    assertThat(regions.nameOf("150600")).contains("鄂尔多斯市");
  }

  @Test
  void theTableHoldsAllDivisions() {
    assertThat(regions.contains("150000")).isTrue();
    assertThat(regions.contains("999999")).isFalse();
    assertThat(regions.lineage("999999")).containsExactly("999999");
  }
}
