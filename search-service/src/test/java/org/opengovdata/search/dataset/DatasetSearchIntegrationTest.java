package org.opengovdata.search.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.search.support.FixtureDatasetSource;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;

/** GET /datasets over a datasets index rebuilt through POST /admin/reindex?index=datasets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetSearchIntegrationTest extends SearchIT {

  @Autowired FixtureDatasetSource source;
  @Autowired JedisPooled redis;

  @BeforeAll
  void rebuild() {
    source.put(
        new Dataset(
            "fiscal-general-public",
            3,
            "fiscal",
            "内蒙古自治区一般公共预算收支",
            null,
            "全区及各盟市、旗县区一般公共预算的预算、调整预算和决算",
            "内蒙古自治区财政厅",
            "150000",
            List.of("预算", "决算", "一般公共预算"),
            Instant.parse("2026-03-15T02:30:00Z")));
    source.put(
        new Dataset(
            "statistics-ordos",
            1,
            "statistics",
            "鄂尔多斯市国民经济和社会发展统计",
            null,
            "地区生产总值、常住人口等指标",
            "鄂尔多斯市统计局",
            "150600",
            List.of("统计", "GDP"),
            Instant.parse("2026-01-10T00:00:00Z")));
    source.put(
        new Dataset(
            "statistics-dongsheng",
            1,
            "statistics",
            "東勝區統計公報",
            null,
            "东胜区统计数据",
            "东胜区统计局",
            "150602",
            List.of("统计"),
            Instant.parse("2026-01-11T00:00:00Z")));
    HttpResponse<String> started =
        Http.send(
            "POST",
            api("/admin/reindex?index=datasets"),
            null,
            "Authorization",
            TestTokens.bearer("key_admin", Role.ADMIN));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        JsonPath.read(
                            Http.get(
                                    "http://localhost:" + port + location,
                                    "Authorization",
                                    TestTokens.bearer("key_admin", Role.ADMIN))
                                .body(),
                            "$.state")));
  }

  private List<String> ids(String query) {
    HttpResponse<String> response = Http.get(api("/datasets?" + query));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.read(response.body(), "$.data[*].id");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void wordsOfTitlesKeywordsAndDescriptionsAreFoundInEitherScript() {
    assertThat(ids("q=" + enc("一般公共預算"))).first().isEqualTo("fiscal-general-public");
    assertThat(ids("q=" + enc("东胜区统计"))).contains("statistics-dongsheng");
    assertThat(ids("q=" + enc("地区生产总值"))).containsExactly("statistics-ordos");
  }

  @Test
  void themeAndRegionFilter() {
    assertThat(ids("theme=statistics"))
        .containsExactlyInAnyOrder("statistics-ordos", "statistics-dongsheng");
    // 150600: its own, the one inside it, and the region-wide one that covers it
    assertThat(ids("region=150600"))
        .containsExactlyInAnyOrder(
            "fiscal-general-public", "statistics-ordos", "statistics-dongsheng");
    assertThat(ids("region=150602"))
        .containsExactlyInAnyOrder(
            "fiscal-general-public", "statistics-ordos", "statistics-dongsheng");
    assertThat(ids("region=150300")).containsExactly("fiscal-general-public");
  }

  @Test
  void badInputIs400() {
    assertThat(Http.get(api("/datasets?theme=weather")).statusCode()).isEqualTo(400);
    assertThat(Http.get(api("/datasets?region=12")).statusCode()).isEqualTo(400);
    assertThat(Http.get(api("/datasets?size=1000")).statusCode()).isEqualTo(400);
  }

  @Test
  void aDatasetUpdatedEventReindexesIt() {
    source.put(
        new Dataset(
            "statistics-ordos",
            2,
            "statistics",
            "鄂尔多斯市统计年鉴",
            null,
            "年鉴",
            "鄂尔多斯市统计局",
            "150600",
            List.of("年鉴"),
            Instant.parse("2026-02-10T00:00:00Z")));
    redis.xadd(
        STREAM,
        StreamEntryID.NEW_ENTRY,
        new PlatformEvent(PlatformEvent.DATASET_UPDATED, "statistics-ordos", 2, Instant.now())
            .toFields());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids("q=" + enc("统计年鉴")).contains("statistics-ordos"));
  }
}
