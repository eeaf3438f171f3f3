package org.opengovdata.gateway.web;

import java.time.Clock;
import java.util.List;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityTokenProperties.class)
class GatewayWebConfiguration {

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
