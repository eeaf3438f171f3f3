package org.opengovdata.gateway.web;

import org.opengovdata.common.web.RequestIds;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it is safe), forwards it to the
 * service and returns it on the response — including on the gateway's own errors.
 */
@Component
@Order(FilterOrder.REQUEST_ID)
class RequestIdWebFilter implements WebFilter {

  static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

  /** The path the client asked for, kept for problems written after an internal forward. */
  static final String ORIGINAL_PATH = RequestIdWebFilter.class.getName() + ".path";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        RequestIds.reuseOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
    ServerWebExchange mutated = exchange.mutate().request(request).build();
    mutated.getAttributes().put(ATTRIBUTE, id);
    mutated.getAttributes().put(ORIGINAL_PATH, exchange.getRequest().getPath().value());
    mutated
        .getResponse()
        .beforeCommit(
            () -> {
              mutated.getResponse().getHeaders().set(RequestIds.HEADER, id);
              return Mono.empty();
            });
    return chain.filter(mutated);
  }

  static String idOf(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  static String originalPathOf(ServerWebExchange exchange) {
    String path = exchange.getAttribute(ORIGINAL_PATH);
    return path != null ? path : exchange.getRequest().getPath().value();
  }
}
