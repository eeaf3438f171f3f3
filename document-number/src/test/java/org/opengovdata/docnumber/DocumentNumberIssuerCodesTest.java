package org.opengovdata.docnumber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issuer codes fold to simplified characters, cached or not. */
class DocumentNumberIssuerCodesTest {

  @Test
  void codesAreConvertedTheSameBeforeAndAfterTheCacheIsFull() {
    // 5,000 distinct traditional codes: more than the cache holds, so later ones are converted
    // without it; every one must come out the same as its simplified spelling.
    for (int i = 0; i < 5_000; i++) {
      char extra = (char) ('一' + i);
      String traditional = "內政發" + extra;
      assertThat(IssuerCodes.simplified(traditional))
          .as(traditional)
          .startsWith("内政发")
          .endsWith(IssuerCodes.simplified(String.valueOf(extra)));
    }
    assertThat(IssuerCodes.simplified("財政廳公告")).isEqualTo("财政厅公告");
    assertThat(IssuerCodes.simplified("財政廳公告")).isEqualTo("财政厅公告");
  }
}
