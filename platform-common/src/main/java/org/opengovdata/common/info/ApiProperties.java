package org.opengovdata.common.info;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service's API lives.
 *
 * @param basePath e.g. {@code /api/v1/catalog}; the platform endpoints ({@code /info}, {@code
 *     /admin/whoami}) are served under it
 */
@ConfigurationProperties("opendata.api")
public record ApiProperties(String basePath) {

  public ApiProperties {
    if (basePath == null || !basePath.matches("/api/v[0-9]+/[a-z]+")) {
      throw new IllegalArgumentException(
          "opendata.api.base-path must be set to the service's base path, e.g. /api/v1/catalog"
              + " (was: "
              + basePath
              + ")");
    }
  }
}
