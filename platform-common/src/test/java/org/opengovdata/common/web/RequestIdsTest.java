package org.opengovdata.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void safeInboundIdIsReused() {
    assertThat(RequestIds.reuseOrCreate("portal-7f3a.42")).isEqualTo("portal-7f3a.42");
  }

  @Test
  void unsafeOrMissingIdIsReplaced() {
    assertThat(RequestIds.reuseOrCreate(null)).hasSize(36);
    assertThat(RequestIds.reuseOrCreate("evil\r\nSet-Cookie: x=1")).doesNotContain("evil");
    assertThat(RequestIds.reuseOrCreate("x".repeat(129))).hasSize(36);
  }
}
