package org.opengovdata.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The catalog's part of the security regression suite of issue #8: one test per item, named after
 * it, each failing without its fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecurityHardeningIntegrationTest extends CatalogIntegrationTest {

  @LocalManagementPort int managementPort;
  @Autowired ServletWebServerApplicationContext context;

  private static final String HEADER =
      "year,region,budgetType,stage,direction,classification,amount\n";

  @BeforeAll
  void loadThreeLines() {
    resetData();
    HttpResponse<String> load =
        loadFiscal(
            HEADER
                + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,38211.57\n"
                + "2024,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050203,1200.00\n"
                + "2024,150602,GENERAL_PUBLIC,BUDGET,EXPENDITURE,2050202,40000.00\n");
    assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
  }

  /**
   * Item 1: a forged {@code sort=-amount} cursor — unsigned as the old CRC32 format allowed, or
   * signed with the right key but out of the column's range — is a 400 on {@code cursor} before the
   * database sees it.
   */
  @Test
  void item1ForgedOrOutOfRangeCursorsAre400() {
    HttpResponse<String> first = get("/fiscal/items?sort=-amount&size=1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String issued = JsonPath.read(first.body(), "$.meta.nextCursor");
    // the payload before the signature (before this fix: before the trailing CRC32 field)
    boolean signed = issued.contains(".");
    String payload =
        new String(
            Base64.getUrlDecoder()
                .decode(signed ? issued.substring(0, issued.indexOf('.')) : issued),
            StandardCharsets.UTF_8);
    if (!signed) {
      payload = payload.substring(0, payload.lastIndexOf('|'));
    }
    List<String> parts = List.of(payload.split("\\|", -1));
    String queryHash = parts.get(1);
    List<String> cursors = new ArrayList<>();
    for (String amount : List.of("1E-4000000", "1E-999999999")) {
      List<String> values = new ArrayList<>(parts.subList(2, parts.size()));
      values.set(0, amount);
      cursors.add(crcCursor("k1|" + queryHash + "|" + String.join("|", values)));
      cursors.add(resigned(payload, amount));
    }
    for (String cursor : cursors) {
      HttpResponse<String> response = get("/fiscal/items?sort=-amount&size=1&cursor=" + cursor);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
          .containsExactly("cursor");
    }
    HttpResponse<String> next = get("/fiscal/items?sort=-amount&size=1&cursor=" + issued);
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
  }

  /**
   * Item 2: undecodable query strings, an undecodable path, oversized headers, an unsupported
   * transfer coding and unparsable {@code Accept} headers are 4xx (or Tomcat's 501) problem+json,
   * never a 500, HTML or an empty body — and leave no stack trace in the log.
   */
  @Test
  void item2MalformedEncodingsAndHeadersAre4xxProblemsLoggedWithoutStackTrace(
      CapturedOutput output) {
    String many =
        String.join(
            ",", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "text/x" + i).toList());
    List<String> requests =
        List.of(
            rawGet(BASE + "/fiscal/items?year=%FF"),
            rawGet(BASE + "/fiscal/items?format=%FF"),
            rawGet(BASE + "/statistics/observations?asOf=%FF"),
            rawGet(BASE + "/datasets?q=%C0%80"),
            rawGet(BASE + "/datasets?q=%ED%A0%80"),
            rawGet(BASE + "/datasets?q=%"),
            rawGet(BASE + "/datasets?q=%zz"),
            rawGet(BASE + "/fiscal/items?%FF=1"),
            rawGet(BASE + "/fiscal/items/%FF"),
            rawGet(BASE + "/datasets", "X-Padding: " + "x".repeat(20_000)),
            rawGet(BASE + "/datasets?q=" + "%E9%A2%84".repeat(5000)),
            rawGet(BASE + "/fiscal/items", "Accept: " + many),
            rawGet(BASE + "/fiscal/items", "Accept: ;;;garbage"),
            rawGet("/readyz", "Accept: " + many),
            "POST "
                + BASE
                + "/fiscal/items/bulk HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n");
    for (String request : requests) {
      RawResponse response = RawResponse.send(port, request);
      String what = request.lines().findFirst().orElseThrow();
      assertThat(response.status()).as(what).isBetween(400, 501).isNotEqualTo(500);
      assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
      assertThat(JsonPath.<Integer>read(response.body(), "$.status"))
          .as(what)
          .isEqualTo(response.status());
      assertThat(JsonPath.<String>read(response.body(), "$.detail")).as(what).isNotBlank();
    }
    assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain("Exception:");
  }

  private static String rawGet(String path, String... headers) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  /** A response read from a raw socket: what Tomcat sends, whatever the request looked like. */
  private record RawResponse(int status, java.util.Map<String, String> headers, String body) {

    String header(String name) {
      return headers.getOrDefault(name, "");
    }

    static RawResponse send(int port, String request) {
      try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end).split("\r\n");
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < head.length; i++) {
          int colon = head[i].indexOf(':');
          headers.put(
              head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
              head[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
          body = unchunk(body);
        }
        return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, body);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
        if (size == 0) {
          return body.toString();
        }
        byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
        String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
        body.append(chunk);
        at = lineEnd + 2 + chunk.length() + 2;
      }
    }
  }

  /**
   * Item 7: the service listens on loopback unless {@code SERVER_ADDRESS} says otherwise, its main
   * port serves only the health probes, and the actuator (metrics) is on the management port.
   */
  @Test
  void item7LoopbackByDefaultAndMetricsOnlyOnTheManagementPort() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Object address = server.getTomcat().getConnector().getProperty("address");
    assertThat(address)
        .isInstanceOfSatisfying(
            java.net.InetAddress.class, a -> assertThat(a.isLoopbackAddress()).isTrue());
    assertThat(managementPort).isPositive().isNotEqualTo(port);

    String main = "http://localhost:" + port;
    assertThat(Http.get(main + "/readyz").statusCode()).isEqualTo(200);
    assertThat(Http.get(main + "/livez").statusCode()).isEqualTo(200);
    for (String actuator :
        List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/health")) {
      assertThat(Http.get(main + actuator).statusCode()).as(actuator).isEqualTo(404);
    }
    String management = "http://localhost:" + managementPort;
    HttpResponse<String> metrics = Http.get(management + "/actuator/metrics/jvm.memory.used");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(Http.get(management + "/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  /**
   * Item 6: a publisher key's scope bounds its loads — rows outside its regions (a code covers its
   * subregions) or datasets are a 403 naming them, and nothing is loaded; every load records the
   * key id, visible to admins.
   */
  @Test
  void item6LoadsOutsideTheKeyScopeAre403AndEveryLoadRecordsWho() {
    String ordos =
        TestTokens.scopedBearer(
            "key_ordos_publisher", KeyScope.of(List.of("150600"), List.of()), Role.PUBLISHER);
    HttpResponse<String> outside =
        post(
            "/fiscal/items/bulk",
            HEADER
                + "2023,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,100.00\n"
                + "2023,150102,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,200.00\n",
            "Authorization",
            ordos,
            "Content-Type",
            "text/csv");
    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
    assertThat(JsonPath.<List<Integer>>read(outside.body(), "$.errors[*].row")).containsExactly(3);
    assertThat(JsonPath.<String>read(outside.body(), "$.errors[0].detail")).contains("150102");
    assertThat(
            jdbc.sql("select count(*) from fiscal_item where year = 2023")
                .query(Long.class)
                .single())
        .isZero();

    String generalOnly =
        TestTokens.scopedBearer(
            "key_general_budget",
            KeyScope.of(List.of(), List.of("fiscal-general-public")),
            Role.PUBLISHER);
    HttpResponse<String> otherDataset =
        post(
            "/fiscal/items/bulk",
            HEADER + "2023,150602,GOVERNMENT_FUND,FINAL,EXPENDITURE,2120801,1.00\n",
            "Authorization",
            generalOnly,
            "Content-Type",
            "text/csv");
    assertThat(otherDataset.statusCode()).as(otherDataset.body()).isEqualTo(403);
    assertThat(JsonPath.<List<Integer>>read(otherDataset.body(), "$.errors[*].row"))
        .containsExactly(2);

    HttpResponse<String> inside =
        post(
            "/fiscal/items/bulk",
            HEADER + "2023,150602,GENERAL_PUBLIC,FINAL,EXPENDITURE,2050202,100.00\n",
            "Authorization",
            ordos,
            "Content-Type",
            "text/csv");
    assertThat(inside.statusCode()).as(inside.body()).isEqualTo(200);

    HttpResponse<String> loads =
        get("/admin/loads?limit=5", "Authorization", TestTokens.bearer("key_admin", Role.ADMIN));
    assertThat(loads.statusCode()).as(loads.body()).isEqualTo(200);
    assertThat(JsonPath.<String>read(loads.body(), "$.data[0].keyId"))
        .isEqualTo("key_ordos_publisher");
    assertThat(JsonPath.<String>read(loads.body(), "$.data[0].resource")).isEqualTo("fiscal-items");
    assertThat(JsonPath.<Integer>read(loads.body(), "$.data[0].inserted")).isEqualTo(1);
    assertThat(
            get("/admin/loads", "Authorization", TestTokens.bearer("key_p", Role.PUBLISHER))
                .statusCode())
        .isEqualTo(403);
  }

  /** Item 9: a problem echoes at most 256 characters of a value, and no library class name. */
  @Test
  void item9ProblemsEchoBoundedValuesAndNoClassNames() {
    for (String path :
        List.of(
            "/datasets?q=" + encode("预".repeat(600)),
            "/fiscal/items?modifiedSince=" + "9".repeat(3000),
            "/statistics/observations?asOf=" + "x".repeat(3000))) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      String detail = JsonPath.read(response.body(), "$.detail");
      // the 3000–5400 characters sent come back as at most 256 (and an ellipsis)
      assertThat(detail).as(path).doesNotContain("java.").doesNotContainPattern("\\S{258,}");
      for (String text : JsonPath.<List<String>>read(response.body(), "$.errors[*].detail")) {
        assertThat(text).doesNotContain("java.").doesNotContainPattern("\\S{258,}");
      }
      assertThat(response.body()).hasSizeLessThan(2500);
    }
  }

  /** Item 11: a numbered page deeper than 100,000 rows is a 400 on page pointing to cursor. */
  @Test
  void item11DeepOffsetsAre400PointingToTheCursor() {
    for (String path :
        List.of(
            "/fiscal/items?page=1000000&size=1000",
            "/fiscal/items?page=101&size=1000",
            "/statistics/observations?page=100001&size=1",
            "/datasets?page=5001&size=20")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].parameter"))
          .contains("page");
      assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("cursor");
    }
    assertThat(get("/fiscal/items?page=100&size=1000").statusCode()).isEqualTo(200);
  }

  /**
   * The issued cursor with its first value replaced, signed with the service's key: what an
   * attacker who learnt the secret could send (the range checks must still hold).
   */
  private static String resigned(String payload, String amount) {
    String[] parts = payload.split("\\|", -1);
    parts[2] = amount;
    byte[] bytes = String.join("|", parts).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(bytes));
  }

  /** The service's cursor MAC: HMAC-SHA256 under a key derived from the platform secret. */
  private static byte[] mac(byte[] payload) {
    try {
      javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
      derive.init(
          new javax.crypto.spec.SecretKeySpec(
              TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] key = derive.doFinal("keyset-cursor|catalog-lists".getBytes(StandardCharsets.UTF_8));
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return java.util.Arrays.copyOf(mac.doFinal(payload), 16);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A cursor in the old, unsigned format (CRC32 only): what a forger could always compute. */
  private static String crcCursor(String payload) {
    CRC32 crc = new CRC32();
    crc.update(payload.getBytes(StandardCharsets.UTF_8));
    String full = payload + "|" + Long.toHexString(crc.getValue());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(full.getBytes(StandardCharsets.UTF_8));
  }
}
