package org.opengovdata.gateway.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * W3C Trace Context: a valid inbound {@code traceparent} goes to the service unchanged; a missing
 * or malformed one is replaced by a new trace, so every request can be followed downstream. The
 * replacement is set on the forwarded request together with every other header change, in one
 * rewrite ({@link ApiKeyAuthenticationFilter}). Trace and span ids need to be unique, not secret
 * (W3C Trace Context §3.2.2.3), so they come from {@link ThreadLocalRandom}, not a {@code
 * SecureRandom} that serialises the event loops on one lock.
 */
@Component
@Order(FilterOrder.TRACE_CONTEXT)
class TraceContextWebFilter implements WebStage {

  static final String HEADER = "traceparent";

  /** A traceparent to set on the forwarded request, when the inbound one was missing or bad. */
  static final String REPLACEMENT = TraceContextWebFilter.class.getName() + ".replacement";

  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String inbound = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (inbound != null && VALID.matcher(inbound).matches()) {
      return chain.filter(exchange);
    }
    exchange.getAttributes().put(REPLACEMENT, newTraceparent());
    return chain.filter(exchange);
  }

  static String newTraceparent() {
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    do {
      random.nextBytes(trace);
      random.nextBytes(span);
    } while (allZero(trace) || allZero(span));
    HexFormat hex = HexFormat.of();
    return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
