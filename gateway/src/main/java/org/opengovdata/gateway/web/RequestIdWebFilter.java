package org.opengovdata.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opengovdata.common.web.RequestIds;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it is safe), forwards it to the
 * service and returns it on the response — including on the gateway's own errors. A new id is set
 * on the forwarded request together with every other header change, in one rewrite ({@link
 * ApiKeyAuthenticationFilter}); it is a random (version 4) UUID from {@link ThreadLocalRandom}: it
 * must be unique, not unguessable, and {@code UUID.randomUUID()}'s {@code SecureRandom} serialises
 * the event loops on one lock.
 */
@Component
@Order(FilterOrder.REQUEST_ID)
class RequestIdWebFilter implements WebStage {

  static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

  /** An id to set on the forwarded request (the inbound one was missing or not safe). */
  static final String REPLACEMENT = RequestIdWebFilter.class.getName() + ".replacement";

  /** The path the client asked for, kept for problems written after an internal forward. */
  static final String ORIGINAL_PATH = RequestIdWebFilter.class.getName() + ".path";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String inbound = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
    boolean fresh = !RequestIds.reusable(inbound);
    String id = fresh ? newId() : inbound;
    exchange.getAttributes().put(ATTRIBUTE, id);
    if (fresh) {
      exchange.getAttributes().put(REPLACEMENT, id);
    }
    exchange.getAttributes().put(ORIGINAL_PATH, exchange.getRequest().getPath().value());
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  static String idOf(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  static String originalPathOf(ServerWebExchange exchange) {
    String path = exchange.getAttribute(ORIGINAL_PATH);
    return path != null ? path : exchange.getRequest().getPath().value();
  }
}
