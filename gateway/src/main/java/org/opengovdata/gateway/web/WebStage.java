package org.opengovdata.gateway.web;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One of the gateway's own request stages (request id, access log, trace context, security headers,
 * CORS, body limit, API key, rate limit, access decision): a web filter in all but name, run by
 * {@link GatewayWebFilter} in {@code @Order} ({@link FilterOrder}). They are not separate {@code
 * WebFilter} beans because Spring's filter chain wraps every filter of every request in a Reactor
 * checkpoint (a new operator, its snapshot and a concatenated description string): nine of them per
 * request, for nothing a gateway needs.
 */
interface WebStage {

  Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);
}
