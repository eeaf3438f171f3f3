package org.opengovdata.gateway.web;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's own stages ({@link WebStage}), in their {@code @Order}, as one web filter: what
 * Spring's {@code DefaultWebFilterChain} does for separate filters, without its per-filter
 * checkpoint.
 */
@Component
@Order(FilterOrder.STAGES)
class GatewayWebFilter implements WebFilter {

  private final WebStage[] stages;

  /** {@code stages} arrive sorted by their {@code @Order} (Spring sorts injected lists). */
  GatewayWebFilter(List<WebStage> stages) {
    this.stages = stages.toArray(WebStage[]::new);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return new Next(0, chain).filter(exchange);
  }

  /** The rest of the stages, then the rest of Spring's chain. */
  private final class Next implements WebFilterChain {

    private final int index;
    private final WebFilterChain rest;

    Next(int index, WebFilterChain rest) {
      this.index = index;
      this.rest = rest;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange) {
      return index < stages.length
          ? stages[index].filter(exchange, new Next(index + 1, rest))
          : rest.filter(exchange);
    }
  }
}
