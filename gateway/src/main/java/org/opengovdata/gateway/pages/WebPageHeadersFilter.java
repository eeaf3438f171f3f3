package org.opengovdata.gateway.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A strict Content Security Policy for the web pages and their assets: scripts, styles and API
 * calls from the gateway's own origin only, no inline script or style, no plugins, no framing, no
 * foreign form targets. The pages are built for it (no inline code; text enters the DOM as text).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPageHeadersFilter implements WebFilter {

  static final String PAGES_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none';"
          + " frame-ancestors 'none'";

  static boolean isPage(String path) {
    return path.equals("/portal")
        || path.startsWith("/portal/")
        || path.equals("/console")
        || path.startsWith("/console/")
        || path.startsWith("/assets/");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (isPage(exchange.getRequest().getPath().value())) {
      exchange
          .getResponse()
          .beforeCommit(
              () -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", PAGES_POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                return Mono.empty();
              });
    }
    return chain.filter(exchange);
  }
}
