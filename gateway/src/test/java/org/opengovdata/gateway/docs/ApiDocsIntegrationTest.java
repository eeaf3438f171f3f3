package org.opengovdata.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

/** The specs as served (the build's version, validators), and the site's icon. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsIntegrationTest {

  static final List<String> SPECS = List.of("catalog", "search", "archive", "gateway");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
  }

  @LocalServerPort int port;
  @Autowired BuildProperties build;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everySpecIsServedWithTheBuildVersion() {
    assertThat(build.getVersion()).isNotBlank().isNotEqualTo("1.0.0");
    for (String service : SPECS) {
      HttpResponse<byte[]> spec = get("/openapi/" + service + ".yaml");
      assertThat(spec.statusCode()).as(service).isEqualTo(200);
      assertThat(spec.headers().firstValue("Content-Type")).hasValue("application/yaml");
      Map<String, Object> document = new Yaml().load(text(spec));
      @SuppressWarnings("unchecked")
      Map<String, Object> info = (Map<String, Object>) document.get("info");
      assertThat(info.get("version")).as(service).isEqualTo(build.getVersion());
      assertThat((String) info.get("title")).as(service).endsWith("API");
      assertThat(document).containsKey("paths");

      HttpResponse<byte[]> head =
          send(
              HttpRequest.newBuilder(uri("/openapi/" + service + ".yaml"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      String etag = spec.headers().firstValue("ETag").orElseThrow();
      assertThat(get("/openapi/" + service + ".yaml", "If-None-Match", etag).statusCode())
          .isEqualTo(304);
    }
  }

  @Test
  void onlyTheVersionLineChanges() {
    String written =
        """
        openapi: 3.0.3
        info:
          title: Catalog API
          description: |
            Text that mentions
            version: 1.0.0 in a block
          version: 1.0.0
        paths: {}
        """;
    assertThat(ServedSpecs.withVersion(written, "0.2.0-SNAPSHOT"))
        .isEqualTo(written.replace("  version: 1.0.0\n", "  version: '0.2.0-SNAPSHOT'\n"));
  }

  @Test
  void theGatewayServesAFaviconAndThePagesLinkIt() {
    HttpResponse<byte[]> icon = get("/favicon.ico");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/vnd.microsoft.icon");
    assertThat(icon.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age"));
    // an ICO directory (reserved 0, type 1 = icon) holding one 32×32 PNG
    byte[] body = icon.body();
    assertThat(body).startsWith(0, 0, 1, 0, 1, 0, 32, 32);
    assertThat(new String(body, 22, 4, StandardCharsets.ISO_8859_1)).isEqualTo("\u0089PNG");

    assertThat(text(get("/docs/"))).contains("<link rel=\"icon\" href=\"/favicon.ico\">");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(30));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
