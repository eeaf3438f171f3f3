package org.opengovdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.docnumber.DocumentNumbers;

class PolicyDemoTest {

  private static final List<Region> REGIONS =
      List.of(
          new Region("150000", "内蒙古自治区", Region.Level.PROVINCE, null),
          new Region("150600", "鄂尔多斯市", Region.Level.PREFECTURE, "150000"),
          new Region("150603", "康巴什区", Region.Level.COUNTY, "150600"),
          new Region("152900", "阿拉善盟", Region.Level.PREFECTURE, "150000"));

  private static List<PolicyDemo.DemoPolicy> generate(long seed, int count) {
    List<PolicyDemo.DemoPolicy> all = new ArrayList<>();
    new PolicyDemo(seed, count, 2015, 2025, REGIONS).policies(all::add);
    return all;
  }

  @Test
  void theSameSeedGivesTheSameDocuments() {
    assertThat(generate(7, 300)).isEqualTo(generate(7, 300));
    assertThat(generate(8, 300)).isNotEqualTo(generate(7, 300));
  }

  @Test
  void documentsArePlausible() {
    List<PolicyDemo.DemoPolicy> all = generate(20150101L, 2000);
    assertThat(all).hasSize(2000);
    Set<String> numbers = new HashSet<>();
    Set<java.util.UUID> ids = new HashSet<>();
    for (PolicyDemo.DemoPolicy p : all) {
      assertThat(ids.add(p.id())).isTrue();
      String key = DocumentNumbers.parse(p.canonicalNumber()).key();
      assertThat(numbers.add(p.issuer() + "|" + key)).as(p.canonicalNumber()).isTrue();
      assertThat(p.published()).isAfter(p.written());
      assertThat(p.effective()).isAfterOrEqualTo(p.published());
      if (p.expiry() != null) {
        assertThat(p.expiry()).isAfter(p.effective());
      }
      assertThat(p.body()).contains("政务公开".substring(0, 1)).hasSizeGreaterThan(300);
      assertThat(REGIONS).extracting(Region::code).contains(p.regionCode());
    }
    assertThat(all).anyMatch(p -> p.expiry() != null);
    assertThat(all).anyMatch(p -> p.repealedOn() != null);
    assertThat(all).anyMatch(p -> p.amends() != null);
    assertThat(all).anyMatch(p -> p.interpretationTitle() != null);
    assertThat(all).anyMatch(p -> p.documentType().equals("ORDER"));
    assertThat(all).extracting(PolicyDemo.DemoPolicy::regionCode).contains("150603", "152900");
  }
}
