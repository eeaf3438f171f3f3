package org.opengovdata.gateway.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RouteGroupTest {

  private static RouteGroup get(String path, List<String> formats, String accept) {
    return RouteGroup.classify(HttpMethod.GET, path, formats, accept);
  }

  @Test
  void readsSearchesWritesAndSignups() {
    assertThat(get("/api/v1/catalog/datasets", List.of(), null)).isEqualTo(RouteGroup.READ);
    assertThat(get("/api/v1/search/documents", List.of(), null)).isEqualTo(RouteGroup.SEARCH);
    assertThat(RouteGroup.classify(HttpMethod.HEAD, "/api/v1/search/x", List.of(), null))
        .isEqualTo(RouteGroup.SEARCH);
    assertThat(RouteGroup.classify(HttpMethod.POST, "/api/v1/catalog/x", List.of(), null))
        .isEqualTo(RouteGroup.WRITE);
    assertThat(RouteGroup.classify(HttpMethod.DELETE, "/api/v1/admin/keys/k", List.of(), null))
        .isEqualTo(RouteGroup.WRITE);
    assertThat(RouteGroup.classify(HttpMethod.POST, "/api/v1/keys", List.of(), null))
        .isEqualTo(RouteGroup.SIGNUP);
    // a CSV write is a write, not a download
    assertThat(RouteGroup.classify(HttpMethod.POST, "/api/v1/catalog/x", List.of("csv"), null))
        .isEqualTo(RouteGroup.WRITE);
  }

  @Test
  void csvByAcceptHeaderIsBulkAsTheServiceNegotiatesIt() {
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "text/csv"))
        .isEqualTo(RouteGroup.BULK);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "application/json;q=0.5, text/csv"))
        .isEqualTo(RouteGroup.BULK);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "text/csv;q=0.1, application/json"))
        .isEqualTo(RouteGroup.READ);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "*/*")).isEqualTo(RouteGroup.READ);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "foo")).isEqualTo(RouteGroup.READ);
  }

  /** Issue 8 item 3: the service trims the value, so the gateway must not be cheaper. */
  @ParameterizedTest
  @ValueSource(
      strings = {"csv", "CSV", " csv", "csv ", "\tcsv", "csv\r\n", "\u00a0csv", "Csv\u3000"})
  void formatCsvIsBulkWhateverItsPadding(String format) {
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(format), null))
        .isEqualTo(RouteGroup.BULK);
  }

  @Test
  void jsonLinesIsBulkLikeCsv() {
    assertThat(get("/api/v1/catalog/fiscal/items", List.of("jsonl"), null))
        .isEqualTo(RouteGroup.BULK);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(" JSONL "), null))
        .isEqualTo(RouteGroup.BULK);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of(), "application/x-ndjson"))
        .isEqualTo(RouteGroup.BULK);
  }

  @Test
  void anyRepeatedFormatNamingCsvIsBulk() {
    assertThat(get("/api/v1/catalog/fiscal/items", List.of("json", "csv"), null))
        .isEqualTo(RouteGroup.BULK);
    assertThat(get("/api/v1/catalog/fiscal/items", List.of("json"), null))
        .isEqualTo(RouteGroup.READ);
  }

  @Test
  void theRequestIsClassifiedFromItsDecodedQuery() {
    MockServerHttpRequest request =
        MockServerHttpRequest.method(
                HttpMethod.GET, URI.create("/api/v1/catalog/fiscal/items?%66ormat=%20csv"))
            .build();
    assertThat(RouteGroup.of(request)).isEqualTo(RouteGroup.BULK);
    MockServerHttpRequest tab =
        MockServerHttpRequest.method(HttpMethod.GET, URI.create("/api/v1/catalog/x?format=%09csv"))
            .build();
    assertThat(RouteGroup.of(tab)).isEqualTo(RouteGroup.BULK);
  }

  @Test
  void keysAreLowerCaseNames() {
    assertThat(RouteGroup.BULK.key()).isEqualTo("bulk");
  }
}
