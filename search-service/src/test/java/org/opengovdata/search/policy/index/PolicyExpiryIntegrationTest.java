package org.opengovdata.search.policy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.search.support.Policies.policy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document whose expiry date comes shows 失效 without any event: {@link PolicyExpiry} run for a
 * later day (the clock moved forward) rewrites it, under the same version, so that the catalog's
 * next version still lands.
 */
class PolicyExpiryIntegrationTest extends SearchIT {

  private static final String ISSUER = "失效检验局";

  @Autowired PolicyWriter writer;
  @Autowired PolicyExpiry expiry;
  @Autowired SearchIndices indices;
  @Autowired ElasticsearchClient elasticsearch;

  private PolicyDocument stored(Policy policy) throws IOException {
    return elasticsearch
        .get(
            g -> g.index(indices.alias(IndexKind.POLICIES)).id(policy.id().toString()),
            PolicyDocument.class)
        .source();
  }

  private List<String> ids(String validity) {
    String body =
        Http.get(
                api(
                    "/documents?size=100&issuer="
                        + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8)
                        + "&validity="
                        + validity))
            .body();
    return JsonPath.read(body, "$.data[*].id");
  }

  @Test
  void aDocumentPastItsExpiryDateIsExpiredWithoutAnEventAndItsNextVersionStillLands()
      throws IOException {
    // valid today (the real clock): the expiry dates are years ahead
    Policy expiring =
        policy("关于阶段性降低失业保险费率的通知")
            .issuer(ISSUER)
            .version(3)
            .expiry(LocalDate.of(2040, 4, 30))
            .build();
    Policy later = policy("关于延续失业保险费率的通知").issuer(ISSUER).expiry(LocalDate.of(2040, 5, 1)).build();
    Policy repealed =
        policy("关于废止失业保险旧办法的通知")
            .issuer(ISSUER)
            .expiry(LocalDate.of(2030, 1, 1))
            .validity(Policy.Validity.REPEALED)
            .build();
    for (Policy p : List.of(expiring, later, repealed)) {
      assertThat(writer.write(p)).isTrue();
    }
    assertThat(stored(expiring).validity()).isEqualTo("VALID");

    // the clock moved to the expiry date of the first: only that one changes
    assertThat(expiry.expireAsOf(LocalDate.of(2040, 4, 30))).isGreaterThanOrEqualTo(1);
    assertThat(stored(expiring).validity()).isEqualTo("EXPIRED");
    assertThat(stored(expiring).version()).as("the catalog's version is kept").isEqualTo(3);
    assertThat(stored(later).validity()).isEqualTo("VALID");
    assertThat(stored(repealed).validity()).isEqualTo("REPEALED");
    assertThat(expiry.expireAsOf(LocalDate.of(2040, 4, 30))).as("nothing left to do").isZero();

    // the validity filter and the hits say so too
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ids("EXPIRED").contains(expiring.id().toString()));
    assertThat(ids("VALID"))
        .contains(later.id().toString())
        .doesNotContain(expiring.id().toString());

    // the catalog's next version (say, the expiry was extended) is not refused as older
    Policy extended =
        policy(expiring.title())
            .id(expiring.id())
            .issuer(ISSUER)
            .version(4)
            .expiry(LocalDate.of(2045, 4, 30))
            .build();
    assertThat(writer.write(extended)).isTrue();
    assertThat(stored(expiring).validity()).isEqualTo("VALID");
  }
}
