package org.opengovdata.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Portal origins allowed to call the API from a browser ({@code GATEWAY_CORS_ORIGINS}). */
@ConfigurationProperties("opendata.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
