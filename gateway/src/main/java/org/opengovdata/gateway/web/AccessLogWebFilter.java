package org.opengovdata.gateway.web;

import org.opengovdata.gateway.caller.CallerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request on logger {@code opendata.access}: method, path (never the query, which may
 * hold {@code api_key}), status, latency, key id (never the key), request id.
 */
@Component
@Order(FilterOrder.ACCESS_LOG)
class AccessLogWebFilter implements WebStage {

  private static final Logger access = LoggerFactory.getLogger("opendata.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    return chain
        .filter(exchange)
        .doFinally(
            signal -> {
              if (access.isInfoEnabled()) {
                var status = exchange.getResponse().getStatusCode();
                String keyId =
                    CallerStatus.of(exchange).authenticatedKey().map(k -> k.id()).orElse("-");
                access.info(
                    "{} {} {} {}ms key={} id={}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(),
                    (System.nanoTime() - start) / 1_000_000,
                    keyId,
                    RequestIdWebFilter.idOf(exchange));
              }
            });
  }
}
