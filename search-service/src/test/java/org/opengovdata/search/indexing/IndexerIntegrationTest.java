package org.opengovdata.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.search.support.Policies.policy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.opengovdata.search.policy.index.PolicyWriter;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.Policy.Validity;
import org.opengovdata.search.support.FixturePolicySource;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamGroupInfo;

/** Events on the stream → the indexer → Elasticsearch, with the real stream consumer. */
class IndexerIntegrationTest extends SearchIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Autowired FixturePolicySource source;
  @Autowired JedisPooled redis;
  @Autowired PolicyWriter writer;
  @Autowired SearchIndices indices;
  @Autowired ElasticsearchClient elasticsearch;

  private String emit(String type, UUID id, long version) {
    return redis
        .xadd(
            STREAM,
            StreamEntryID.NEW_ENTRY,
            new PlatformEvent(type, id.toString(), version, Instant.now()).toFields())
        .toString();
  }

  /** Waits until the group has delivered and acknowledged {@code entryId}. */
  private void awaitConsumed(String entryId) {
    StreamEntryID target = new StreamEntryID(entryId);
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              for (StreamGroupInfo group : redis.xinfoGroups(STREAM)) {
                if (group.getName().equals("search-indexer")) {
                  return group.getLastDeliveredId().compareTo(target) >= 0
                      && group.getPending() == 0;
                }
              }
              return false;
            });
  }

  private PolicyDocument stored(UUID id) throws IOException {
    var response =
        elasticsearch.get(
            g -> g.index(indices.alias(IndexKind.POLICIES)).id(id.toString()),
            PolicyDocument.class);
    return response.found() ? response.source() : null;
  }

  /**
   * A keyword search narrowed to one document number: the index may hold thousands of documents of
   * other test classes (the reindex test loads 10,000) that outrank this one for the keyword.
   */
  private List<String> search(String q, String documentNumber) {
    String body =
        Http.get(
                api(
                    "/documents?size=100&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)
                        + "&documentNumber="
                        + URLEncoder.encode(documentNumber, StandardCharsets.UTF_8)))
            .body();
    return JsonPath.read(body, "$.data[*].id");
  }

  @Test
  void aPublishedPolicyBecomesSearchableThenUpdatedThenRepealed() throws IOException {
    Policy v1 = policy("关于开展草原生态保护补助奖励工作的通知").number("内政发〔2024〕41号").version(1).build();
    source.publish(v1);
    awaitConsumed(emit(PlatformEvent.POLICY_PUBLISHED, v1.id(), 1));
    assertThat(stored(v1.id())).isNotNull();
    await()
        .atMost(DEADLINE)
        .until(() -> search("草原生态保护", "内政发〔2024〕41号").contains(v1.id().toString()));

    Policy v2 =
        policy("关于开展草原生态保护补助奖励工作的补充通知").id(v1.id()).number("内政发〔2024〕41号").version(2).build();
    source.publish(v2);
    awaitConsumed(emit(PlatformEvent.POLICY_UPDATED, v1.id(), 2));
    assertThat(stored(v1.id()).title().text()).isEqualTo(v2.title());

    Policy replacement = policy("草原生态保护新办法").number("内政发〔2025〕2号").build();
    Policy v3 =
        policy(v2.title())
            .id(v1.id())
            .number("内政发〔2024〕41号")
            .version(3)
            .validity(Validity.REPEALED)
            .expiry(LocalDate.of(2025, 1, 1))
            .replacedBy(replacement)
            .build();
    source.publish(v3);
    awaitConsumed(emit(PlatformEvent.POLICY_REPEALED, v1.id(), 3));
    PolicyDocument repealed = stored(v1.id());
    assertThat(repealed.validity()).isEqualTo("REPEALED");
    assertThat(repealed.replacedBy().id()).isEqualTo(replacement.id().toString());
    assertThat(repealed.version()).isEqualTo(3);
  }

  private long pending() {
    return redis.xinfoGroups(STREAM).stream()
        .filter(group -> group.getName().equals("search-indexer"))
        .mapToLong(StreamGroupInfo::getPending)
        .sum();
  }

  @Test
  void whileTheCatalogIsDownTheEventStaysPendingAndIsIndexedOnceItIsBack() throws IOException {
    Policy policy = policy("关于做好防汛抗旱工作的通知").number("内政办发〔2024〕77号").version(1).build();
    source.publish(policy);
    int refusedBefore = source.refusedFetches();
    source.down(true);
    String entry;
    try {
      entry = emit(PlatformEvent.POLICY_PUBLISHED, policy.id(), 1);
      await().atMost(DEADLINE).until(() -> source.refusedFetches() > refusedBefore + 1);
      // delivered, refused by the source, not acknowledged, not dead-lettered, not indexed
      assertThat(pending()).isGreaterThanOrEqualTo(1);
      assertThat(stored(policy.id())).isNull();
    } finally {
      source.down(false);
    }
    awaitConsumed(entry);
    assertThat(stored(policy.id())).isNotNull();
  }

  @Test
  void replaysAndOutOfOrderEventsNeverRegressADocument() throws IOException {
    UUID id = UUID.randomUUID();
    Policy v3 = policy("第三版标题").id(id).version(3).build();
    Policy v2 = policy("第二版标题").id(id).version(2).build();

    // the writer itself: an older version after a newer one is ignored
    assertThat(writer.write(v3)).isTrue();
    assertThat(writer.write(v2)).isFalse();
    assertThat(writer.write(v3)).as("the same version again").isFalse();
    assertThat(stored(id).title().text()).isEqualTo("第三版标题");
    assertThat(writer.remove(id.toString(), 2)).as("a deletion older than the document").isFalse();
    assertThat(stored(id)).isNotNull();

    // through the stream: replays of old events, and a source that answers with a stale state
    source.publish(v3);
    emit(PlatformEvent.POLICY_PUBLISHED, id, 1);
    emit(PlatformEvent.POLICY_UPDATED, id, 3);
    source.publish(v2);
    awaitConsumed(emit(PlatformEvent.POLICY_UPDATED, id, 2));
    PolicyDocument after = stored(id);
    assertThat(after.version()).isEqualTo(3);
    assertThat(after.title().text()).isEqualTo("第三版标题");
  }

  @Test
  void aPolicyNoLongerPublishedIsRemoved() throws IOException {
    Policy p = policy("关于撤回的测试通知").version(1).build();
    source.publish(p);
    awaitConsumed(emit(PlatformEvent.POLICY_PUBLISHED, p.id(), 1));
    assertThat(stored(p.id())).isNotNull();

    source.withdraw(p.id());
    awaitConsumed(emit(PlatformEvent.POLICY_UPDATED, p.id(), 2));
    assertThat(stored(p.id())).isNull();
  }

  @Test
  void eventsOfOtherKindsAndMalformedIdsDoNotStopTheIndexer() throws IOException {
    redis.xadd(
        STREAM,
        StreamEntryID.NEW_ENTRY,
        new PlatformEvent(PlatformEvent.ARCHIVE_VERSION_CREATED, "rec-1", 1, Instant.now())
            .toFields());
    redis.xadd(
        STREAM,
        StreamEntryID.NEW_ENTRY,
        new PlatformEvent(PlatformEvent.POLICY_PUBLISHED, "not-a-uuid", 1, Instant.now())
            .toFields());
    Policy p = policy("关于其后事件的测试通知").build();
    source.publish(p);
    awaitConsumed(emit(PlatformEvent.POLICY_PUBLISHED, p.id(), 1));
    assertThat(stored(p.id())).isNotNull();
    assertThat(redis.xlen(STREAM + ".dead-letter.search-indexer")).isEqualTo(1);
  }
}
