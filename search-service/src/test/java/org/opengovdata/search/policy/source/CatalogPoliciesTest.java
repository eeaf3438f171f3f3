package org.opengovdata.search.policy.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.client.catalog.invoker.ApiClient;
import org.opengovdata.client.catalog.model.DocumentType;
import org.opengovdata.client.catalog.model.PolicyStatus;
import org.opengovdata.client.catalog.model.Validity;
import org.opengovdata.search.policy.index.PolicyClock;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.opengovdata.search.policy.index.PolicyDocuments;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;

/**
 * The catalog's policy (as the SDK decodes {@code src/test/resources/catalog/*.json}, documents in
 * the shape of catalog.yaml's {@code Policy}, one recorded from the real service) → search's {@link
 * Policy} → the index document.
 */
class CatalogPoliciesTest {

  /** The SDK's own Jackson 2 mapper, configured as the generated client uses it. */
  private static final ObjectMapper SDK_JSON = ApiClient.createDefaultObjectMapper();

  /** A day before every expiry date in the recorded answers. */
  private final PolicyDocuments documents =
      new PolicyDocuments(
          new ChineseText(),
          new RegionTree(),
          new PolicyClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));

  static org.opengovdata.client.catalog.model.Policy recorded(String name) throws IOException {
    try (InputStream in = CatalogPoliciesTest.class.getResourceAsStream("/catalog/" + name)) {
      return SDK_JSON.readValue(in, org.opengovdata.client.catalog.model.Policy.class);
    }
  }

  @Test
  void publishedPolicyMapsEveryIndexedField() throws IOException {
    Policy policy = CatalogPolicies.toPolicy(recorded("policy-published.json")).orElseThrow();

    assertThat(policy.id()).isEqualTo(UUID.fromString("0b5e2c1a-4f7d-4c39-9a51-6f1e8d2b7c01"));
    assertThat(policy.version()).isEqualTo(3);
    assertThat(policy.documentType()).isEqualTo("意见");
    assertThat(policy.validity()).isEqualTo(Policy.Validity.VALID);
    assertThat(policy.documentNumber().asWritten()).isEqualTo("内政发[2024]12号");
    assertThat(policy.expiryDate()).isEqualTo(LocalDate.of(2029, 3, 31));
    assertThat(policy.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.size()).isEqualTo(18342));

    PolicyDocument doc = documents.toDocument(policy);
    assertThat(doc.id()).isEqualTo("0b5e2c1a-4f7d-4c39-9a51-6f1e8d2b7c01");
    assertThat(doc.version()).isEqualTo(3);
    // traditional title folded to simplified, the original kept for display
    assertThat(doc.title().text()).startsWith("内蒙古自治区人民政府关于进一步优化营商环境");
    assertThat(doc.title().original()).startsWith("內蒙古自治區");
    assertThat(doc.documentNumber().canonical()).isEqualTo("内政发〔2024〕12号");
    assertThat(doc.documentNumber().issuerCode()).isEqualTo("内政发");
    assertThat(doc.documentNumber().year()).isEqualTo(2024);
    assertThat(doc.documentNumber().serial()).isEqualTo(12);
    assertThat(doc.issuer()).isEqualTo("内蒙古自治区人民政府");
    assertThat(doc.documentType()).isEqualTo("意见");
    assertThat(doc.subject()).isEqualTo("营商环境");
    assertThat(doc.indexNumber()).isEqualTo("11150000011526133K/2024-00012");
    assertThat(doc.regionCode()).isEqualTo("150602");
    assertThat(doc.regionPath()).containsExactlyInAnyOrder("150602", "150600", "150000");
    assertThat(doc.validity()).isEqualTo("VALID");
    assertThat(doc.writtenDate()).isEqualTo("2024-03-01");
    assertThat(doc.publishedDate()).isEqualTo("2024-03-05");
    assertThat(doc.effectiveDate()).isEqualTo("2024-04-01");
    assertThat(doc.expiryDate()).isEqualTo("2029-03-31");
    assertThat(doc.inForce().gte()).isEqualTo("2024-04-01");
    assertThat(doc.inForce().lte()).isEqualTo("2029-03-30"); // the expiry day no longer applies
    assertThat(doc.body().text()).contains("优化营商环境的决策部署");
    assertThat(doc.attachments().text()).contains("重点任务分工方案");
    // interpretations are indexed by their titles (see README, ranking)
    assertThat(doc.interpretations().text()).contains("政策解读");
    assertThat(doc.replacedBy()).isNull();
  }

  /** Saved from a run of the real catalog-service (scripts/up.sh, a policy published by smoke). */
  @Test
  void aPolicyRecordedFromTheRealCatalogMaps() throws IOException {
    Policy policy = CatalogPolicies.toPolicy(recorded("policy-recorded.json")).orElseThrow();

    PolicyDocument doc = documents.toDocument(policy);
    assertThat(doc.version()).isEqualTo(4);
    assertThat(doc.documentNumber().canonical()).isEqualTo("内政办发〔2026〕513275号");
    assertThat(doc.documentNumber().serial()).isEqualTo(513275);
    assertThat(doc.documentType()).isEqualTo("通知");
    assertThat(doc.regionPath()).containsExactly("150000");
    assertThat(doc.publishedDate()).isEqualTo("2026-11-29");
    assertThat(doc.body().text()).contains("现将有关事项通知如下");
    assertThat(doc.attachments()).isNull();
  }

  @Test
  void repealedPolicyKeepsItsReplacement() throws IOException {
    Policy policy = CatalogPolicies.toPolicy(recorded("policy-repealed.json")).orElseThrow();

    PolicyDocument doc = documents.toDocument(policy);
    assertThat(doc.validity()).isEqualTo("REPEALED");
    assertThat(doc.replacedBy().id()).isEqualTo("0b5e2c1a-4f7d-4c39-9a51-6f1e8d2b7c01");
    assertThat(doc.replacedBy().documentNumber()).isEqualTo("内政发〔2024〕12号");
    assertThat(doc.documentType()).isEqualTo("通知");
    assertThat(doc.attachments()).isNull();
  }

  @Test
  void onlyPublishedDocumentsAreIndexable() throws IOException {
    var policy = recorded("policy-published.json");
    for (PolicyStatus status : PolicyStatus.values()) {
      policy.setStatus(status);
      assertThat(CatalogPolicies.toPolicy(policy).isPresent())
          .as("%s", status)
          .isEqualTo(status == PolicyStatus.PUBLISHED);
    }
  }

  @Test
  void aDocumentTypeAddedLaterIsLeftOutButAnUnknownValidityIsRefused() throws IOException {
    var policy = recorded("policy-published.json");
    policy.setDocumentType(DocumentType.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(CatalogPolicies.toPolicy(policy).orElseThrow().documentType()).isNull();

    policy.setValidity(Validity.UNKNOWN_DEFAULT_OPEN_API);
    assertThatThrownBy(() -> CatalogPolicies.toPolicy(policy))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("validity");
  }
}
