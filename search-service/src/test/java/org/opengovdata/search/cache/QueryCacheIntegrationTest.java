package org.opengovdata.search.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.search.support.Policies.policy;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.support.FixturePolicySource;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;

/**
 * The Redis cache of {@code /documents} answers against real Redis and Elasticsearch. The index's
 * periodic refresh is slowed to 60 s here (as a loaded node, or an index fresh from a bulk load,
 * may lag), so that the tests depend neither on the refresh timing nor on what other test classes
 * did to the shared index before.
 */
class QueryCacheIntegrationTest extends SearchIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String ISSUER = "缓存测试局";

  @Autowired FixturePolicySource source;
  @Autowired PolicyWriter writer;
  @Autowired QueryCache cache;
  @Autowired SearchIndices indices;
  @Autowired JedisPooled redis;

  private String index;

  @BeforeEach
  void slowDownThePeriodicRefresh() throws IOException {
    index = indices.currentIndex(IndexKind.POLICIES).orElseThrow();
    putRefreshInterval("\"60s\"");
  }

  @AfterEach
  void restoreThePeriodicRefresh() {
    putRefreshInterval("null");
  }

  private void putRefreshInterval(String value) {
    var response =
        Http.send(
            "PUT",
            TestInfrastructure.elasticsearchUrl() + "/" + index + "/_settings",
            "{\"index\":{\"refresh_interval\":" + value + "}}",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private List<String> search(String q) {
    String body =
        Http.get(
                api(
                    "/documents?issuer="
                        + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8)
                        + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .body();
    return JsonPath.read(body, "$.data[*].id");
  }

  private long cachedAnswers() {
    return redis.keys(RUN + "search:answer:*").size();
  }

  @Test
  void aPolicyIndexedAfterAnAnswerWasCachedIsFoundWithoutWaitingForThePeriodicRefresh() {
    Policy policy = policy("关于草原禁牧休牧缓存检验的通知").issuer(ISSUER).build();
    // the answer without the policy, computed and cached
    assertThat(search("草原禁牧休牧")).isEmpty();
    assertThat(search("草原禁牧休牧")).isEmpty();
    assertThat(cachedAnswers()).isPositive();

    source.publish(policy);
    redis.xadd(
        STREAM,
        StreamEntryID.NEW_ENTRY,
        new PlatformEvent(PlatformEvent.POLICY_PUBLISHED, policy.id().toString(), 1, Instant.now())
            .toFields());

    // searched all the while: answers computed before the write is visible must not stay cached
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> search("草原禁牧休牧").contains(policy.id().toString()));
  }

  @Test
  void anAnswerIsServedFromTheCacheUntilTheIndexChanges() throws IOException {
    // no settle step of an earlier change may advance the generation in between
    await().atMost(DEADLINE).until(cache::settled);
    assertThat(search("沙化土地封禁")).isEmpty();

    // written behind the cache's back (no invalidation) and made visible at once
    Policy policy = policy("关于沙化土地封禁保护缓存检验的通知").id(UUID.randomUUID()).issuer(ISSUER).build();
    assertThat(writer.write(policy)).isTrue();
    indices.refresh();
    assertThat(search("沙化土地封禁")).as("the cached answer").isEmpty();

    cache.invalidate();
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> search("沙化土地封禁").contains(policy.id().toString()));
  }
}
