package org.opengovdata.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP for anonymous rate limiting. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured trusted proxy (a load balancer); otherwise anyone could claim
 * a fresh address per request.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(ServerHttpRequest request, Set<String> trustedProxies) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    if (trustedProxies.contains(peer)) {
      String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        return lastUntrusted(forwarded.split(","), trustedProxies, peer);
      }
    }
    return peer;
  }

  /** Walks back from the nearest hop past trusted proxies to the first address they vouch for. */
  private static String lastUntrusted(String[] hops, Set<String> trusted, String peer) {
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
