package org.opengovdata.gateway.web;

import java.time.Clock;
import java.util.List;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Hooks;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityTokenProperties.class)
class GatewayWebConfiguration {

  private static final Logger DROPPED = LoggerFactory.getLogger("opendata.gateway.dropped");

  /**
   * An error that arrives after its subscriber gave up — typically a Redis call that failed after
   * its time-out had already answered the request locally — is expected here: one debug line, not
   * Reactor's default ERROR with a stack trace per request.
   */
  @Bean
  SmartInitializingSingleton quietDroppedErrors() {
    return () ->
        Hooks.onErrorDropped(
            error -> DROPPED.debug("error after the caller gave up: {}", error.toString()));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * CORS for the configured portal origins. Browsers may read the rate-limit, caching and Memento
   * headers; credentials are API keys in a header, never cookies.
   */
  @Bean
  @Order(FilterOrder.CORS)
  CorsWebFilter portalCors(CorsProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of(
            "X-API-Key",
            "Content-Type",
            "Accept",
            "Accept-Datetime",
            "If-None-Match",
            "If-Match",
            "X-Request-Id",
            "traceparent"));
    cors.setExposedHeaders(
        List.of(
            "RateLimit",
            "RateLimit-Policy",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "Retry-After",
            "X-Request-Id",
            "ETag",
            "Link",
            "Location",
            "Memento-Datetime",
            "Content-Digest",
            "Content-Disposition"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(properties.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    source.registerCorsConfiguration("/openapi/**", cors);
    return new CorsWebFilter(source);
  }
}
