package org.opengovdata.archive.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.ArchiveApi;
import org.opengovdata.archive.ArchiveIntegrationTest;

/** Archive a document, add two versions a second apart, and travel through its history. */
class MementoIntegrationTest extends ArchiveIntegrationTest {

  private static final List<String> TEXTS =
      List.of(
          "第一条 为优化营商环境，制定本措施。\n第二条 各盟市应当落实。\n",
          "第一条 为优化营商环境，制定本措施。\n第二条 各盟市、旗县应当落实。\n",
          "第一条 为优化营商环境，制定本措施。\n第二条 各盟市、旗县应当落实。\n第三条 本措施自发布之日起施行。\n");

  @Test
  void everyVersionIsRetrievableByNumberAndByAcceptDatetime() throws Exception {
    String number = "内政发〔2024〕" + (100 + (int) (Math.random() * 800)) + "号";
    String id =
        api.archive(
            ArchiveApi.metadata("关于优化营商环境的措施", number, "2024-03-15", "Y30", "PUBLIC"),
            "措施.txt",
            "text/plain",
            bytes(0));
    List<Instant> created = new ArrayList<>();
    created.add(created(id, 1));
    for (int n = 1; n < 3; n++) {
      Instant previous = created.get(n - 1);
      // mementos are told apart by HTTP dates, which have whole seconds
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Instant.now().isAfter(previous.plusSeconds(1)));
      HttpResponse<String> added = api.addVersion(id, "措施.txt", bytes(n), "修订 " + n);
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      assertThat(added.headers().firstValue("Location"))
          .hasValue("/api/v1/archive/records/" + id + "/versions/" + (n + 1));
      assertThat(JsonPath.<String>read(added.body(), "$.message")).isEqualTo("修订 " + n);
      assertThat(JsonPath.<String>read(added.body(), "$.user.name"))
          .isEqualTo(ArchiveApi.ARCHIVIST + " (archivist)");
      created.add(created(id, n + 1));
    }

    List<String> mementoDates = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      HttpResponse<byte[]> memento = api.getBytes("/records/" + id + "/versions/" + n + "/content");
      assertThat(memento.statusCode()).isEqualTo(200);
      assertThat(memento.body()).isEqualTo(bytes(n - 1));
      assertThat(memento.headers().firstValue("Content-Digest"))
          .hasValue("sha-512=:" + Base64.getEncoder().encodeToString(sha512(bytes(n - 1))) + ":");
      assertThat(memento.headers().firstValue("ETag"))
          .hasValue("\"sha512-" + HexFormat.of().formatHex(sha512(bytes(n - 1))) + "\"");
      assertThat(memento.headers().firstValue("Link").orElseThrow())
          .contains("</api/v1/archive/records/" + id + "/content>; rel=\"original timegate\"")
          .contains("</api/v1/archive/records/" + id + "/timemap>; rel=\"timemap\"");
      String mementoDatetime = memento.headers().firstValue("Memento-Datetime").orElseThrow();
      assertThat(parse(mementoDatetime))
          .isEqualTo(created.get(n - 1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      mementoDates.add(mementoDatetime);
    }

    for (int n = 1; n <= 3; n++) {
      HttpResponse<byte[]> atDate =
          api.getBytes("/records/" + id + "/content", "Accept-Datetime", mementoDates.get(n - 1));
      assertThat(atDate.statusCode()).isEqualTo(200);
      assertThat(atDate.body())
          .as("version in force at %s", mementoDates.get(n - 1))
          .isEqualTo(bytes(n - 1));
      assertThat(atDate.headers().firstValue("Memento-Datetime")).hasValue(mementoDates.get(n - 1));
      assertThat(atDate.headers().firstValue("Content-Location"))
          .hasValue("/api/v1/archive/records/" + id + "/versions/" + n + "/content");
      assertThat(atDate.headers().firstValue("Vary").orElseThrow()).contains("Accept-Datetime");
    }

    HttpResponse<byte[]> latest = api.getBytes("/records/" + id + "/content");
    assertThat(latest.body()).isEqualTo(bytes(2));
    assertThat(latest.headers().firstValue("Vary").orElseThrow()).contains("Accept-Datetime");

    String beforeFirst =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.parse(mementoDates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME)
                .minusDays(1));
    HttpResponse<String> tooEarly =
        api.get("/records/" + id + "/content", "Accept-Datetime", beforeFirst);
    assertThat(tooEarly.statusCode()).isEqualTo(404);
    assertThat(tooEarly.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JsonPath.<String>read(tooEarly.body(), "$.detail")).contains("had no version yet");

    HttpResponse<String> badDate =
        api.get("/records/" + id + "/content", "Accept-Datetime", "yesterday");
    assertThat(badDate.statusCode()).isEqualTo(400);

    HttpResponse<String> timemap = api.get("/records/" + id + "/timemap");
    assertThat(timemap.statusCode()).isEqualTo(200);
    assertThat(timemap.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/link-format");
    assertThat(timemap.body().split("rel=\"[a-z ]*memento\"", -1)).hasSize(4);
    for (int n = 1; n <= 3; n++) {
      assertThat(timemap.body())
          .contains("</api/v1/archive/records/%s/versions/%d/content>".formatted(id, n))
          .contains("datetime=\"" + mementoDates.get(n - 1) + "\"");
    }
    assertThat(timemap.body()).contains("rel=\"first memento\"").contains("rel=\"last memento\"");

    HttpResponse<String> diff = api.get("/records/" + id + "/diff?from=1&to=3");
    assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
    assertThat(diff.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-diff");
    assertThat(diff.body())
        .startsWith("--- v1/content/措施.txt\n+++ v3/content/措施.txt\n")
        .contains("-第二条 各盟市应当落实。")
        .contains("+第二条 各盟市、旗县应当落实。")
        .contains("+第三条 本措施自发布之日起施行。");

    HttpResponse<String> versions = api.get("/records/" + id + "/versions");
    assertThat(JsonPath.<Integer>read(versions.body(), "$.meta.total")).isEqualTo(3);
    assertThat(JsonPath.<List<Integer>>read(versions.body(), "$.data[*].version"))
        .containsExactly(1, 2, 3);
    HttpResponse<String> byNumber = api.get("/records?documentNumber=" + encode(number));
    assertThat(JsonPath.<List<String>>read(byNumber.body(), "$.data[*].id")).containsExactly(id);
    assertThat(JsonPath.<Integer>read(byNumber.body(), "$.data[0].headVersion")).isEqualTo(3);
    // as people type it: half-width brackets, full-width digits; and the issuer's year as a prefix
    String typed = number.replace("〔", "[").replace("〕", "]").replace("2024", "２０２４");
    assertThat(api.get("/records?documentNumber=" + encode(typed)).body()).contains(id);
    assertThat(api.get("/records?documentNumber=" + encode("内政发[2024]")).body()).contains(id);
    HttpResponse<String> invalid = api.get("/records?documentNumber=" + encode("内政发〔0999〕"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(invalid.body(), "$.errors[0].parameter"))
        .isEqualTo("documentNumber");
  }

  @Test
  void unchangedContentAnswers304AndBinaryContentHasNoTextDiff() {
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, (byte) 0xE2, (byte) 0xE3, 0, 1, 2};
    String id =
        api.archive(
            ArchiveApi.metadata("扫描件 " + UUID.randomUUID(), null, "2023-01-05", "Y10", "PUBLIC"),
            "scan.pdf",
            "application/pdf",
            pdf);
    HttpResponse<byte[]> first = api.getBytes("/records/" + id + "/versions/1/content");
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again =
        api.getBytes("/records/" + id + "/versions/1/content", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    assertThat(api.addVersion(id, "scan.pdf", pdf, "重新扫描").statusCode()).isEqualTo(201);
    HttpResponse<String> diff = api.get("/records/" + id + "/diff?from=1&to=2");
    assertThat(diff.statusCode()).isEqualTo(422);
    assertThat(JsonPath.<String>read(diff.body(), "$.type"))
        .endsWith("/problems/unprocessable-content");
    assertThat(JsonPath.<String>read(diff.body(), "$.detail")).contains("binary");
    assertThat(api.get("/records/" + id + "/diff?from=1&to=9").statusCode()).isEqualTo(404);
    assertThat(api.get("/records/" + id + "/versions/abc").statusCode()).isEqualTo(400);
    assertThat(api.get("/records/not-a-uuid").statusCode()).isEqualTo(400);
    assertThat(api.get("/records/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  private Instant created(String id, int version) {
    HttpResponse<String> response = api.get("/records/" + id + "/versions/" + version);
    assertThat(response.statusCode()).isEqualTo(200);
    return Instant.parse(JsonPath.read(response.body(), "$.created"));
  }

  private static Instant parse(String httpDate) {
    return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  private static byte[] bytes(int version) {
    return TEXTS.get(version).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha512(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-512").digest(bytes);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
