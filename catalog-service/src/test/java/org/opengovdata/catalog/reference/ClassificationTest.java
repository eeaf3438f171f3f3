package org.opengovdata.catalog.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationTest {

  @Test
  void levelFollowsTheCodeLength() {
    assertThat(Classification.levelOf("205")).isEqualTo(1);
    assertThat(Classification.levelOf("20502")).isEqualTo(2);
    assertThat(Classification.levelOf("2050201")).isEqualTo(3);
    assertThat(Classification.levelOf("103014801")).isEqualTo(4);
  }

  @Test
  void revenueCodesStartWithOne() {
    assertThat(Classification.isRevenueCode("10101")).isTrue();
    assertThat(Classification.isRevenueCode("2050201")).isFalse();
  }
}
