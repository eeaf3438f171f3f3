package org.opengovdata.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * W3C Trace Context: a valid inbound {@code traceparent} goes to the service unchanged; a missing
 * or malformed one is replaced by a new trace, so every request can be followed downstream.
 */
@Component
@Order(FilterOrder.TRACE_CONTEXT)
class TraceContextWebFilter implements WebFilter {

  static final String HEADER = "traceparent";
  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String inbound = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (inbound != null && VALID.matcher(inbound).matches()) {
      return chain.filter(exchange);
    }
    String traceparent = newTraceparent();
    return chain.filter(
        exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, traceparent))).build());
  }

  static String newTraceparent() {
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    RANDOM.nextBytes(trace);
    RANDOM.nextBytes(span);
    HexFormat hex = HexFormat.of();
    return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
  }
}
