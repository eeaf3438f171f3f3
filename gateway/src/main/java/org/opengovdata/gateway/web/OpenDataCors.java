package org.opengovdata.gateway.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * CORS in two tiers. Open data is open to every browser: a {@code GET} or {@code HEAD} of the API
 * (and of the raw specs) answers any {@code Origin} with {@code Access-Control-Allow-Origin: *},
 * never with credentials, so that Observable, Swagger Editor or Postman web can read it. Writes and
 * the key endpoints stay with the configured portal origins ({@code GATEWAY_CORS_ORIGINS}). API
 * keys travel in a header, never in cookies, so {@code *} grants a foreign page nothing it could
 * not fetch from a server.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataCors {

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
  private static final List<PathPattern> CORS_PATHS =
      List.of(PARSER.parse("/api/**"), PARSER.parse("/openapi/**"));
  private static final List<PathPattern> KEY_PATHS =
      List.of(PARSER.parse("/api/v1/keys/**"), PARSER.parse("/api/v1/admin/**"));

  /** What a browser may send and read on any origin. */
  private static final List<String> REQUEST_HEADERS =
      List.of(
          "X-API-Key",
          "Content-Type",
          "Accept",
          "Accept-Datetime",
          "If-None-Match",
          "If-Modified-Since",
          "If-Match",
          "X-Request-Id",
          "traceparent");

  private static final List<String> EXPOSED_HEADERS =
      List.of(
          "RateLimit",
          "RateLimit-Policy",
          "X-RateLimit-Limit",
          "X-RateLimit-Remaining",
          "X-RateLimit-Reset",
          "Retry-After",
          "X-Request-Id",
          "X-Total-Count",
          "ETag",
          "Link",
          "Location",
          "Memento-Datetime",
          "Content-Digest",
          "Content-Disposition");

  @Bean
  @Order(FilterOrder.CORS)
  WebStage openDataCorsFilter(CorsProperties properties) {
    CorsWebFilter cors =
        new CorsWebFilter(new TieredSource(openReads(properties), portals(properties)));
    return (exchange, chain) -> {
      if (exchange.getRequest().getHeaders().getOrigin() != null) {
        return cors.filter(exchange, chain);
      }
      // no Origin, no CORS: only the Vary headers Spring's CORS processor puts on every answer
      // (a cache must not serve this answer to a request that has an Origin), without choosing
      // a tier by path first
      vary(exchange.getResponse().getHeaders());
      return chain.filter(exchange);
    };
  }

  private static final List<String> VARY =
      List.of(
          HttpHeaders.ORIGIN,
          HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
          HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

  /** What {@code DefaultCorsProcessor} does before it looks at a request. */
  static void vary(HttpHeaders headers) {
    List<String> present = headers.get(HttpHeaders.VARY);
    if (present == null) {
      headers.addAll(HttpHeaders.VARY, VARY);
      return;
    }
    for (String header : VARY) {
      if (!present.contains(header)) {
        headers.add(HttpHeaders.VARY, header);
      }
    }
  }

  static CorsConfiguration openReads(CorsProperties properties) {
    CorsConfiguration cors = common(properties);
    cors.setAllowedOrigins(List.of(CorsConfiguration.ALL));
    cors.setAllowedMethods(List.of("GET", "HEAD"));
    return cors;
  }

  static CorsConfiguration portals(CorsProperties properties) {
    CorsConfiguration cors = common(properties);
    cors.setAllowedOrigins(properties.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    return cors;
  }

  private static CorsConfiguration common(CorsProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedHeaders(REQUEST_HEADERS);
    cors.setExposedHeaders(EXPOSED_HEADERS);
    cors.setAllowCredentials(false);
    cors.setMaxAge(properties.maxAge());
    return cors;
  }

  /** Chooses the tier by path and by the method asked for (a preflight's requested method). */
  record TieredSource(CorsConfiguration openReads, CorsConfiguration portals)
      implements CorsConfigurationSource {

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
      ServerHttpRequest request = exchange.getRequest();
      PathContainer path = request.getPath().pathWithinApplication();
      if (CORS_PATHS.stream().noneMatch(pattern -> pattern.matches(path))) {
        return null;
      }
      if (isRead(request) && KEY_PATHS.stream().noneMatch(pattern -> pattern.matches(path))) {
        return openReads;
      }
      return portals;
    }

    private static boolean isRead(ServerHttpRequest request) {
      HttpMethod method = request.getMethod();
      if (CorsUtils.isPreFlightRequest(request)) {
        String requested = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        method =
            requested == null || requested.isBlank() ? null : HttpMethod.valueOf(requested.trim());
      }
      return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
  }
}
