package org.opengovdata.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.caller.RouteGroup;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Requests allowed per window, per route group, for anonymous callers (counted per client IP) and
 * per role (counted per key; a key with several roles gets the most generous). A key's own limits
 * override its roles'.
 *
 * @param windows window length per route group
 * @param anonymous limits for callers without a key
 * @param roles limits per role
 * @param redisTimeout longest wait for one sync with Redis before counting locally instead
 * @param syncInterval how often the local counts are pushed to Redis and the totals read back
 * @param trustedProxies addresses of load balancers whose {@code X-Forwarded-For} is believed
 * @param smallDownload the largest dataset download file ({@code /datasets/{id}/download}) charged
 *     as an ordinary read; a larger one costs a bulk-download slot (default 1 MB)
 */
@Validated
@ConfigurationProperties("opendata.gateway.rate-limits")
public record RateLimitProperties(
    Map<RouteGroup, Duration> windows,
    Map<RouteGroup, Integer> anonymous,
    Map<Role, Map<RouteGroup, Integer>> roles,
    Duration redisTimeout,
    Duration syncInterval,
    Set<String> trustedProxies,
    DataSize smallDownload) {

  public RateLimitProperties {
    windows = windows == null ? new EnumMap<>(RouteGroup.class) : windows;
    anonymous = anonymous == null ? Map.of() : anonymous;
    roles = roles == null ? Map.of() : roles;
    redisTimeout = redisTimeout == null ? Duration.ofMillis(100) : redisTimeout;
    syncInterval = syncInterval == null ? Duration.ofMillis(100) : syncInterval;
    trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    smallDownload = smallDownload == null ? DataSize.ofMegabytes(1) : smallDownload;
  }

  public Duration window(RouteGroup group) {
    return windows.getOrDefault(group, Duration.ofMinutes(1));
  }
}
