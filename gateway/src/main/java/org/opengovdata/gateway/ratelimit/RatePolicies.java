package org.opengovdata.gateway.ratelimit;

import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.caller.ApiKey;
import org.opengovdata.gateway.caller.RouteGroup;
import org.springframework.stereotype.Component;

/** Picks the limit that applies to a caller in a route group. */
@Component
public class RatePolicies {

  private static final int FALLBACK_LIMIT = 60;

  private final RateLimitProperties properties;

  RatePolicies(RateLimitProperties properties) {
    this.properties = properties;
  }

  public RatePolicy forAnonymous(String clientIp, RouteGroup group) {
    int limit = properties.anonymous().getOrDefault(group, FALLBACK_LIMIT);
    return new RatePolicy("ip:" + clientIp, group, limit, properties.window(group));
  }

  public RatePolicy forKey(ApiKey key, RouteGroup group) {
    Integer own = key.limits().get(group);
    int limit = own != null ? own : mostGenerousRoleLimit(key, group);
    return new RatePolicy("key:" + key.id(), group, limit, properties.window(group));
  }

  private int mostGenerousRoleLimit(ApiKey key, RouteGroup group) {
    int best = properties.anonymous().getOrDefault(group, FALLBACK_LIMIT);
    for (Role role : key.roles()) {
      Integer limit = properties.roles().getOrDefault(role, java.util.Map.of()).get(group);
      if (limit != null && limit > best) {
        best = limit;
      }
    }
    return best;
  }
}
