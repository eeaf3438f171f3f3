package org.opengovdata.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** What Spring Cloud Gateway's default header filters did, now done in one pass. */
class RelayHeadersTest {

  private static final List<HttpHeadersFilter> FILTERS = RelayHeaders.filters();

  @Test
  void aRequestLosesHopByHopAndForwardingClaimsAndKeepsTheRest() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://gateway/api/v1/catalog/info")
                .header("Accept", "application/json")
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("Keep-Alive", "timeout=5")
                .header("X-Secret-Hop", "1")
                .header("TE", "trailers")
                .header("Upgrade", "websocket")
                .header("Proxy-Authorization", "Basic eA==")
                .header("Forwarded", "for=192.0.2.1")
                .header("X-Forwarded-For", "192.0.2.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Request-Id", "abc"));

    HttpHeaders relayed = HttpHeadersFilter.filterRequest(FILTERS, exchange);

    assertThat(relayed.headerNames())
        .containsExactlyInAnyOrder("Accept", "X-Request-Id")
        .doesNotContain("Forwarded", "X-Forwarded-For", "Connection", "X-Secret-Hop");
    assertThat(relayed.getFirst("Accept")).isEqualTo("application/json");
  }

  @Test
  void aLengthSentWithChunkedEncodingIsNotPassedOn() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("http://gateway/api/v1/catalog/policies")
                .header("Content-Length", "5")
                .header("Transfer-Encoding", " chunked ")
                .header("Content-Type", "application/json"));

    HttpHeaders relayed = HttpHeadersFilter.filterRequest(FILTERS, exchange);

    assertThat(relayed.headerNames()).containsExactly("Content-Type");
  }

  @Test
  void aLengthAloneIsPassedOn() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("http://gateway/api/v1/catalog/policies")
                .header("Content-Length", "5"));

    assertThat(HttpHeadersFilter.filterRequest(FILTERS, exchange).getContentLength()).isEqualTo(5);
  }

  @Test
  void aResponseLosesHopByHopHeadersAndKeepsTheRest() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway/api/v1/catalog/info"));
    HttpHeaders response = new HttpHeaders();
    response.add("Content-Type", "application/json");
    response.add("Transfer-Encoding", "chunked");
    response.add("Connection", "X-Internal");
    response.add("X-Internal", "1");
    response.add("Keep-Alive", "timeout=5");
    response.add("Link", "</x>; rel=\"next\"");
    response.add("X-Forwarded-For", "192.0.2.1");

    HttpHeaders relayed = HttpHeadersFilter.filter(FILTERS, response, exchange, Type.RESPONSE);

    // forwarding headers are a request's business; a service's answer keeps what it says
    assertThat(relayed.headerNames())
        .containsExactlyInAnyOrder("Content-Type", "Link", "X-Forwarded-For");
  }
}
