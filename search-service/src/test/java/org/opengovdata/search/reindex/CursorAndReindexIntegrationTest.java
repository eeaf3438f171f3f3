package org.opengovdata.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.search.support.Policies.policy;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.support.Corpus;
import org.opengovdata.search.support.FixturePolicySource;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full rebuild through {@code POST /admin/reindex} (new index, alias switch, old index dropped,
 * searches answering throughout), then cursor iteration over more than 10,000 hits.
 */
class CursorAndReindexIntegrationTest extends SearchIT {

  private static final String ISSUER = "游标测试局";
  private static final int COUNT = 10_050;

  @Autowired FixturePolicySource source;
  @Autowired SearchIndices indices;

  @Test
  void aRebuildSwitchesTheAliasWhileSearchesAnswerAndACursorReturnsEveryHitOnce() throws Exception {
    List<String> sentences = Corpus.sentences(Corpus.simplified());
    Random random = new Random(42);
    List<Policy> policies = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      // few distinct dates, so that the id tiebreaker decides most of the order
      LocalDate published = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1);
      policies.add(
          policy("关于政务公开工作的通知（第" + i + "号）")
              .issuer(ISSUER)
              .number("游政发〔" + published.getYear() + "〕" + (i + 1) + "号")
              .published(published)
              .body(sentences.get(i % sentences.size()))
              .build());
    }
    source.publishAll(policies);
    String before = indices.currentIndex(IndexKind.POLICIES).orElseThrow();

    HttpResponse<String> started =
        Http.send(
            "POST",
            api("/admin/reindex?index=policies"),
            null,
            "Authorization",
            TestTokens.bearer("key_admin", Role.ADMIN));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(
            Http.send(
                    "POST",
                    api("/admin/reindex"),
                    null,
                    "Authorization",
                    TestTokens.bearer("key_admin", Role.ADMIN))
                .statusCode())
        .as("a second rebuild while one runs")
        .isIn(202, 409);

    List<Integer> statusesDuringRebuild = new CopyOnWriteArrayList<>();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              statusesDuringRebuild.add(Http.get(api("/documents?size=1")).statusCode());
              String job =
                  Http.get(
                          "http://localhost:" + port + location,
                          "Authorization",
                          TestTokens.bearer("key_admin", Role.ADMIN))
                      .body();
              String state = JsonPath.read(job, "$.state");
              return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
    String job =
        Http.get(
                "http://localhost:" + port + location,
                "Authorization",
                TestTokens.bearer("key_admin", Role.ADMIN))
            .body();
    assertThat(JsonPath.<String>read(job, "$.state")).as(job).isEqualTo("SUCCEEDED");
    assertThat(JsonPath.<Integer>read(job, "$.total")).isEqualTo(source.countPublished());
    assertThat(JsonPath.<Integer>read(job, "$.processed")).isEqualTo(source.countPublished());
    assertThat(JsonPath.<Double>read(job, "$.percent")).isEqualTo(100.0);
    assertThat(statusesDuringRebuild).isNotEmpty().containsOnly(200);
    String after = indices.currentIndex(IndexKind.POLICIES).orElseThrow();
    assertThat(after).isNotEqualTo(before).startsWith(indices.alias(IndexKind.POLICIES) + "-v");

    // every hit exactly once, newest first, in pages of 100 by cursor
    assertEveryHitOnce("issuer=" + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8));
    // and by relevance, where many scores tie
    assertEveryHitOnce(
        "issuer="
            + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8)
            + "&q="
            + URLEncoder.encode("政务公开", StandardCharsets.UTF_8));
  }

  private void assertEveryHitOnce(String filter) {
    List<String> seen = new ArrayList<>();
    String body = Http.get(api("/documents?size=100&" + filter)).body();
    assertThat(JsonPath.<Integer>read(body, "$.meta.total")).isEqualTo(COUNT);
    while (true) {
      seen.addAll(JsonPath.<List<String>>read(body, "$.data[*].id"));
      List<String> next = JsonPath.read(body, "$.meta[?(@.nextCursor)].nextCursor");
      if (next.isEmpty()) {
        break;
      }
      HttpResponse<String> page =
          Http.get(api("/documents?size=100&" + filter + "&cursor=" + next.get(0)));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      body = page.body();
    }
    Set<String> unique = new HashSet<>(seen);
    assertThat(seen).hasSize(COUNT);
    assertThat(unique).hasSize(COUNT);
  }
}
