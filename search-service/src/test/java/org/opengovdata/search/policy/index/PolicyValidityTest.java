package org.opengovdata.search.policy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.search.support.Policies.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.Policy.Validity;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;

/** Validity as indexed: the catalog's, except that a valid document expires on its expiry date. */
class PolicyValidityTest {

  private static PolicyDocuments documentsOn(String instant) {
    return new PolicyDocuments(
        new ChineseText(),
        new RegionTree(),
        new PolicyClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
  }

  private final Policy expiring = policy("关于临时性减免措施的通知").expiry(LocalDate.of(2030, 7, 1)).build();

  @Test
  void aValidDocumentIsIndexedAsExpiredFromItsExpiryDateOnInChina() {
    // 16:00 UTC is midnight in China: the expiry date begins there
    assertThat(documentsOn("2030-06-30T15:59:59Z").toDocument(expiring).validity())
        .isEqualTo("VALID");
    assertThat(documentsOn("2030-06-30T16:00:00Z").toDocument(expiring).validity())
        .isEqualTo("EXPIRED");
    assertThat(documentsOn("2031-01-01T00:00:00Z").toDocument(expiring).validity())
        .isEqualTo("EXPIRED");
  }

  @Test
  void repealedAndAmendedDocumentsKeepTheirValidityAfterExpiry() {
    Policy repealed =
        policy("关于废止的通知").expiry(LocalDate.of(2020, 1, 1)).validity(Validity.REPEALED).build();
    Policy amended =
        policy("关于修订的通知").expiry(LocalDate.of(2020, 1, 1)).validity(Validity.AMENDED).build();
    PolicyDocuments documents = documentsOn("2030-01-01T00:00:00Z");
    assertThat(documents.toDocument(repealed).validity()).isEqualTo("REPEALED");
    assertThat(documents.toDocument(amended).validity()).isEqualTo("AMENDED");
  }

  @Test
  void aDocumentWithoutExpiryDateStaysValid() {
    assertThat(
            documentsOn("2099-01-01T00:00:00Z").toDocument(policy("关于长期有效的通知").build()).validity())
        .isEqualTo("VALID");
  }
}
