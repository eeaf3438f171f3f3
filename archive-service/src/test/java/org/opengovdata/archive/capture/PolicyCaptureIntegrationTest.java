package org.opengovdata.archive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.Jobs;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XAddParams;

/**
 * Policies arrive by themselves: policy events on a stream of this test's own (so nothing else
 * reads or writes it) are captured from a catalog stand-in — a JDK HttpServer answering with the
 * catalog's {@code Policy} JSON (catalog.yaml) — into the real archive on PostgreSQL and Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyCaptureIntegrationTest {

  private static final String STREAM = "test.archive-capture." + UUID.randomUUID();
  private static final String GROUP = "archive-capture";
  private static final Path OCFL_ROOT = temporaryDirectory().resolve("ocfl");
  private static final Catalog CATALOG = new Catalog();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerPostgres(registry);
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
    registry.add("opendata.archive.ocfl.root", OCFL_ROOT::toString);
    registry.add("opendata.archive.fixity.cron", () -> "-");
    registry.add("opendata.archive.capture.enabled", () -> "true");
    registry.add("opendata.archive.capture.stream", () -> STREAM);
    registry.add("opendata.archive.capture.consumer", () -> "capture-test");
    registry.add("opendata.archive.capture.catalog-url", CATALOG::url);
    registry.add("opendata.archive.capture.catalog-timeout", () -> "5s");
    registry.add("opendata.archive.capture.block", () -> "200ms");
    registry.add("opendata.archive.capture.claim-idle", () -> "2s");
    registry.add("opendata.archive.capture.claim-interval", () -> "500ms");
    registry.add("opendata.archive.capture.backoff-initial", () -> "100ms");
    registry.add("opendata.archive.capture.backoff-max", () -> "400ms");
  }

  @LocalServerPort int port;
  @Autowired JedisPooled redis;
  @Autowired JdbcClient jdbc;

  private ArchiveApi api;

  @BeforeEach
  void client() {
    api = new ArchiveApi(port);
  }

  @AfterAll
  static void stopCatalog() {
    CATALOG.server.stop(0);
  }

  @Test
  void capturesEachNewPolicyVersionOnceAndIgnoresReplaysAndOlderEvents() {
    UUID policy = UUID.randomUUID();
    int serial = serial();
    // the catalog writes the canonical form; the archive normalises it again through the shared
    // module, so a bracket variant must come out canonical too
    String asSent = "内政发[2024]" + serial + "号";
    String canonical = "内政发〔2024〕" + serial + "号";
    CATALOG.serve(policy, 1, "关于进一步优化营商环境的意见", asSent, "规范性文件", "VALID", "初版条款。");
    publish(PlatformEvent.POLICY_PUBLISHED, policy, 1);

    String recordId = awaitRecord(canonical, 1);
    String record = api.get("/records/" + recordId).body();
    assertThat(JsonPath.<String>read(record, "$.title")).isEqualTo("关于进一步优化营商环境的意见");
    assertThat(JsonPath.<String>read(record, "$.documentNumber")).isEqualTo(canonical);
    assertThat(JsonPath.<String>read(record, "$.issuer")).isEqualTo("内蒙古自治区人民政府");
    assertThat(JsonPath.<String>read(record, "$.documentDate")).isEqualTo("2024-03-15");
    assertThat(JsonPath.<String>read(record, "$.retentionClass")).isEqualTo("PERMANENT");
    assertThat(JsonPath.<String>read(record, "$.access")).isEqualTo("PUBLIC");
    assertThat(JsonPath.<String>read(record, "$.sourceReference"))
        .isEqualTo("catalog:policies/" + policy + "@1");
    String v1 =
        new String(
            api.getBytes("/records/" + recordId + "/versions/1/content").body(),
            StandardCharsets.UTF_8);
    assertThat(JsonPath.<Integer>read(v1, "$.version")).isEqualTo(1);
    assertThat(JsonPath.<String>read(v1, "$.id")).isEqualTo(policy.toString());
    assertThat(JsonPath.<String>read(v1, "$.body")).contains("初版条款。");
    assertThat(JsonPath.<String>read(v1, "$.attachments[0].extractedText"))
        .isEqualTo("附件1 重点任务分工表");

    // a correction: a new archive version, the record described anew
    CATALOG.serve(policy, 2, "关于进一步优化营商环境的若干意见", asSent, "规范性文件", "VALID", "修订条款。");
    publish(PlatformEvent.POLICY_UPDATED, policy, 2);
    awaitRecord(canonical, 2);
    record = api.get("/records/" + recordId).body();
    assertThat(JsonPath.<String>read(record, "$.title")).isEqualTo("关于进一步优化营商环境的若干意见");
    assertThat(JsonPath.<String>read(record, "$.sourceReference"))
        .isEqualTo("catalog:policies/" + policy + "@2");
    String v2 =
        new String(
            api.getBytes("/records/" + recordId + "/versions/2/content").body(),
            StandardCharsets.UTF_8);
    assertThat(JsonPath.<String>read(v2, "$.body")).contains("修订条款。");
    String versions = api.get("/records/" + recordId + "/versions").body();
    assertThat(JsonPath.<String>read(versions, "$.data[0].message"))
        .contains("catalog policy " + policy + " version 1");

    // replays and an older event: nothing new, not even a catalog request
    int requestsBefore = CATALOG.requests(policy);
    publish(PlatformEvent.POLICY_PUBLISHED, policy, 1);
    publish(PlatformEvent.POLICY_UPDATED, policy, 2);
    publish(PlatformEvent.POLICY_PUBLISHED, policy, 1);
    // a marker behind them (an 通知: kept 30 years): once it is captured, they have been handled
    UUID marker = UUID.randomUUID();
    int markerSerial = serial();
    CATALOG.serve(
        marker, 1, "关于做好冬季供暖工作的通知", "内政发〔2024〕" + markerSerial + "号", "通知", "VALID", "供暖。");
    publish(PlatformEvent.POLICY_PUBLISHED, marker, 1);
    String markerRecord = awaitRecord("内政发〔2024〕" + markerSerial + "号", 1);
    assertThat(
            JsonPath.<String>read(api.get("/records/" + markerRecord).body(), "$.retentionClass"))
        .isEqualTo("Y30");

    assertThat(recordsWith(canonical)).hasSize(1);
    assertThat(JsonPath.<Integer>read(api.get("/records/" + recordId).body(), "$.headVersion"))
        .isEqualTo(2);
    assertThat(CATALOG.requests(policy)).isEqualTo(requestsBefore);
    assertThat(redis.xpending(STREAM, GROUP).getTotal()).isZero();
  }

  /**
   * {@code policy_capture} is not in the OCFL root, but what it says is: the index rebuild
   * recreates it from each record's {@code sourceReference}, so a replayed event is still
   * recognised as held.
   */
  @Test
  void indexRebuildRecreatesWhichPolicyVersionEachRecordHolds() {
    UUID policy = UUID.randomUUID();
    String number = "内政发〔2024〕" + serial() + "号";
    CATALOG.serve(policy, 1, "关于加强档案工作的意见", number, "意见", "VALID", "一。");
    publish(PlatformEvent.POLICY_PUBLISHED, policy, 1);
    String recordId = awaitRecord(number, 1);
    CATALOG.serve(policy, 2, "关于加强档案工作的意见", number, "意见", "VALID", "二。");
    publish(PlatformEvent.POLICY_UPDATED, policy, 2);
    awaitRecord(number, 2);
    List<Map<String, Object>> before = captureRow(policy);
    assertThat(before)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("record_id")).hasToString(recordId);
              assertThat(((Number) row.get("policy_version")).longValue()).isEqualTo(2);
              assertThat(((Number) row.get("archive_version")).intValue()).isEqualTo(2);
            });

    jdbc.sql("delete from policy_capture").update(); // as after a database loss
    Jobs.rebuildIndex(api);
    assertThat(captureRow(policy)).isEqualTo(before);

    // held again: a replay of version 2 neither asks the catalog nor archives anything
    int requestsBefore = CATALOG.requests(policy);
    publish(PlatformEvent.POLICY_UPDATED, policy, 2);
    UUID marker = UUID.randomUUID();
    String markerNumber = "内政发〔2024〕" + serial() + "号";
    CATALOG.serve(marker, 1, "关于档案开放的通知", markerNumber, "通知", "VALID", "开放。");
    publish(PlatformEvent.POLICY_PUBLISHED, marker, 1);
    awaitRecord(markerNumber, 1);
    assertThat(recordsWith(number)).hasSize(1);
    assertThat(JsonPath.<Integer>read(api.get("/records/" + recordId).body(), "$.headVersion"))
        .isEqualTo(2);
    assertThat(CATALOG.requests(policy)).isEqualTo(requestsBefore);
  }

  private List<Map<String, Object>> captureRow(UUID policy) {
    return jdbc.sql(
            "select record_id, policy_version, archive_version from policy_capture"
                + " where policy_id = ?")
        .param(policy)
        .query()
        .listOfRows();
  }

  @Test
  void waitsForTheCatalogWhenItIsDownAndSkipsWhatItDoesNotPublish() {
    UUID unpublished = UUID.randomUUID();
    CATALOG.answer(unpublished, 404, problem(404));
    publish(PlatformEvent.POLICY_PUBLISHED, unpublished, 1);

    UUID policy = UUID.randomUUID();
    int serial = serial();
    String number = "内政发〔2024〕" + serial + "号";
    CATALOG.answer(policy, 503, problem(503));
    publish(PlatformEvent.POLICY_REPEALED, policy, 3);

    // retried, without acknowledging it and without anything archived
    await().atMost(Duration.ofSeconds(30)).until(() -> CATALOG.requests(policy) >= 3);
    assertThat(recordsWith(number)).isEmpty();
    assertThat(redis.xpending(STREAM, GROUP).getTotal()).isEqualTo(1);
    assertThat(CATALOG.requests(unpublished)).isEqualTo(1); // the 404 was not retried

    CATALOG.serve(policy, 3, "关于废止部分规范性文件的决定", number, "决定", "REPEALED", "废止。");
    String recordId = awaitRecord(number, 1);
    assertThat(JsonPath.<String>read(api.get("/records/" + recordId).body(), "$.sourceReference"))
        .isEqualTo("catalog:policies/" + policy + "@3");
    String content =
        new String(
            api.getBytes("/records/" + recordId + "/content").body(), StandardCharsets.UTF_8);
    assertThat(JsonPath.<String>read(content, "$.validity")).isEqualTo("REPEALED");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> redis.xpending(STREAM, GROUP).getTotal() == 0);
  }

  private void publish(String type, UUID policy, long version) {
    redis.xadd(
        STREAM,
        XAddParams.xAddParams(),
        new PlatformEvent(type, policy.toString(), version, Instant.now()).toFields());
  }

  /** Waits until exactly one record has the number and its head is {@code headVersion}. */
  private String awaitRecord(String documentNumber, int headVersion) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              List<Map<String, Object>> found = recordsWith(documentNumber);
              return found.size() == 1
                  && ((Number) found.get(0).get("headVersion")).intValue() == headVersion;
            });
    return (String) recordsWith(documentNumber).get(0).get("id");
  }

  private List<Map<String, Object>> recordsWith(String documentNumber) {
    HttpResponse<String> list =
        api.get(
            "/records?documentNumber=" + URLEncoder.encode(documentNumber, StandardCharsets.UTF_8));
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return JsonPath.read(list.body(), "$.data");
  }

  private static final AtomicInteger SERIALS =
      new AtomicInteger((int) (System.nanoTime() % 400_000));

  /** A 发文字号 serial no other run of this test used (records stay in the shared test database). */
  private static int serial() {
    return 100_000
        + Math.floorMod(SERIALS.incrementAndGet() * 7919 + UUID.randomUUID().hashCode(), 800_000);
  }

  private static String problem(int status) {
    return "{\"type\":\"about:blank\",\"title\":\"status %d\",\"status\":%d,\"detail\":\"test\"}"
        .formatted(status, status);
  }

  /** The catalog stand-in: GET /api/v1/catalog/policies/{id} answers what the test set. */
  private static final class Catalog {

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final String template;

    Catalog() {
      try (InputStream in = Catalog.class.getResourceAsStream("/capture/policy.json")) {
        template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/api/v1/catalog/policies/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            Answer answer;
            try {
              UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
              requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
              answer = answers.getOrDefault(id, new Answer(404, problem(404)));
            } catch (IllegalArgumentException e) {
              answer = new Answer(400, problem(400));
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .add(
                    "Content-Type",
                    answer.status() == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serve(
        UUID id,
        long version,
        String title,
        String documentNumber,
        String documentType,
        String validity,
        String clause) {
      String serial = documentNumber.replaceAll("^.*〕|^.*]|号$", "");
      answers.put(
          id,
          new Answer(
              200,
              template
                  .replace("${id}", id.toString())
                  .replace("${version}", Long.toString(version))
                  .replace("${title}", title)
                  .replace("${documentNumber}", documentNumber)
                  .replace("${serial}", serial)
                  .replace("${documentType}", documentType)
                  .replace("${validity}", validity)
                  .replace("${clause}", clause)));
    }

    void answer(UUID id, int status, String body) {
      answers.put(id, new Answer(status, body));
    }

    int requests(UUID id) {
      AtomicInteger count = requests.get(id);
      return count == null ? 0 : count.get();
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("archive-capture");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
