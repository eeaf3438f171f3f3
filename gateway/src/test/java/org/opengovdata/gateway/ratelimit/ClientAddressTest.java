package org.opengovdata.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

  private static final Set<String> PROXIES = Set.of("10.0.0.5", "10.0.0.6");

  private static MockServerHttpRequest from(String peer, String forwardedFor) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("/api/v1/catalog/datasets")
            .remoteAddress(new InetSocketAddress(peer, 40000));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request.build();
  }

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() {
    assertThat(ClientAddress.of(from("203.0.113.9", "198.51.100.1"), PROXIES))
        .isEqualTo("203.0.113.9");
    assertThat(ClientAddress.of(from("203.0.113.9", "198.51.100.1"), Set.of()))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void aTrustedProxyVouchesForTheNearestUntrustedHop() {
    assertThat(ClientAddress.of(from("10.0.0.5", "198.51.100.1"), PROXIES))
        .isEqualTo("198.51.100.1");
    // the client may prepend anything; only hops added by trusted proxies count
    assertThat(ClientAddress.of(from("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6"), PROXIES))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void aTrustedProxyWithoutForwardedForIsTheClient() {
    assertThat(ClientAddress.of(from("10.0.0.5", null), PROXIES)).isEqualTo("10.0.0.5");
    assertThat(ClientAddress.of(from("10.0.0.5", " , "), PROXIES)).isEqualTo("10.0.0.5");
  }
}
