package org.opengovdata.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestInfrastructure;
import org.opengovdata.common.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway serves the pages the {@code web} module built: HTML revalidated on every visit,
 * hashed assets cached for a year and sent pre-compressed, a strict CSP on all of them, and nothing
 * outside the built folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPagesIntegrationTest {

  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[A-Za-z0-9_.-]+\\.js)\"");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.registerRedis(registry);
    TestTokens.registerSecret(registry);
  }

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void portalPageIsChineseHtmlThatIsRevalidatedAndCannotRunForeignOrInlineScript() {
    HttpResponse<String> page = Http.get(url("/portal/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<html lang=\"zh-CN\">");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self';", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void hashedAssetsAreCachedForAYearAndSentPrecompressed() {
    Matcher script = SCRIPT.matcher(Http.get(url("/portal/")).body());
    assertThat(script.find()).as("the portal page names a hashed script").isTrue();
    HttpResponse<String> brotli = Http.get(url(script.group(1)), "Accept-Encoding", "gzip, br");
    assertThat(brotli.statusCode()).isEqualTo(200);
    assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(brotli.headers().firstValue("Cache-Control"))
        .hasValue("max-age=31536000, public, immutable");
    assertThat(brotli.headers().firstValue("Vary"))
        .hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
    HttpResponse<String> plain = Http.get(url(script.group(1)), "Accept-Encoding", "br;q=0");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().firstValue("Content-Type"))
        .hasValue("text/javascript;charset=UTF-8");
  }

  @Test
  void everyPageIsServedAndBareFolderNamesRedirect() {
    for (String path : new String[] {"/portal/document.html", "/portal/data/", "/console/"}) {
      assertThat(Http.get(url(path)).statusCode()).as(path).isEqualTo(200);
    }
    HttpResponse<String> head = Http.send("HEAD", url("/portal/"), null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    HttpResponse<String> redirect = Http.get(url("/console"));
    assertThat(redirect.statusCode()).isEqualTo(308);
    assertThat(redirect.headers().firstValue("Location")).hasValue("/console/");
  }

  @Test
  void nothingOutsideTheBuiltAssetsIsServed() {
    for (String path :
        new String[] {
          "/assets/missing-abc123.js", "/assets/..%2Fportal%2Findex.html", "/assets/.gz"
        }) {
      HttpResponse<String> response = Http.get(url(path));
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
    }
  }

  @Test
  void acceptEncodingHonoursQZero() {
    assertThat(StaticFiles.accepts("gzip, br;q=0", "br")).isFalse();
    assertThat(StaticFiles.accepts("gzip, br;q=0.5", "br")).isTrue();
    assertThat(StaticFiles.accepts(null, "gzip")).isFalse();
    assertThat(StaticFiles.accepts("identity", "gzip")).isFalse();
  }
}
