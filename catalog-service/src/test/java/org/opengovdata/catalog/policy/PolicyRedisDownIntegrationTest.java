package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.catalog.policy.PolicyApi.draft;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.testsupport.PrivateRedis;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * With Redis stopped, publishing still succeeds and its event waits in the outbox; when Redis is
 * back the relay sends it by itself. Uses a Redis of its own (never the shared one) and a schema of
 * its own, so that no other test context's relay can take the event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PolicyRedisDownIntegrationTest {

  private static final PrivateRedis REDIS = PrivateRedis.start();
  private static final String SCHEMA = "catalog_redis_down";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestTokens.registerSecret(registry);
    registry.add("opendata.redis.url", REDIS::url);
    registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.default-schema", () -> SCHEMA);
    registry.add("opendata.catalog.demo-data.enabled", () -> "false");
    registry.add("opendata.outbox.max-backoff", () -> "500ms");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long unsent() {
    return jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }

  @Test
  void publishingSucceedsWhileRedisIsDownAndTheEventFollowsWhenItIsBack() {
    jdbc.sql(
            "truncate outbox_event, policy_transition, policy_interpretation, policy_attachment, policy")
        .update();
    PolicyApi api = new PolicyApi(path -> "http://localhost:" + port + "/api/v1/catalog" + path);
    REDIS.stop();

    String id = api.publish(draft("停机期间发布的通知", "内政办发〔2024〕7号", "正文"));
    assertThat(isPublic(api, id)).isTrue();
    assertThat(unsent()).as("the event waits in the outbox").isEqualTo(1);

    REDIS.startAgain();
    await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);
    try (JedisPooled redis = new JedisPooled(URI.create(REDIS.url()))) {
      List<PlatformEvent> events =
          redis.xrange(PlatformEvent.STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
              .map(StreamEntry::getFields)
              .map(PlatformEvent::fromFields)
              .toList();
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(PlatformEvent.POLICY_PUBLISHED);
                assertThat(e.id()).isEqualTo(id);
              });
    }
  }

  private static boolean isPublic(PolicyApi api, String id) {
    return api.send("GET", "/policies/" + id, null, null).statusCode() == 200;
  }
}
