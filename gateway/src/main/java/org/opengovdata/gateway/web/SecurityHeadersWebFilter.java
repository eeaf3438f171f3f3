package org.opengovdata.gateway.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers every response carries, the services' answers and the gateway's own errors alike: {@code
 * X-Content-Type-Options: nosniff} (a browser never guesses a type, e.g. runs a CSV as script). The
 * API documentation ({@code /docs}, Swagger UI) also gets a Content Security Policy: scripts and
 * styles from the gateway only, and no framing by other sites ({@code frame-ancestors}).
 */
@Component
@Order(FilterOrder.SECURITY_HEADERS)
class SecurityHeadersWebFilter implements WebStage {

  static final String DOCS_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    boolean docs = path.equals("/docs") || path.startsWith("/docs/");
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              if (docs) {
                headers.set("Content-Security-Policy", DOCS_POLICY);
                headers.set("X-Frame-Options", "DENY");
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
