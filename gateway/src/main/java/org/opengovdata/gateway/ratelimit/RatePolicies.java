package org.opengovdata.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
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

  /**
   * Self-service keys per e-mail address (the signup limit, also counted per client IP): however
   * many addresses or keys a client uses, one address gets no more keys than one client. The
   * counter is named by a hash, so no address is kept in Redis.
   */
  public RatePolicy forSignupEmail(String email) {
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    int limit = properties.anonymous().getOrDefault(RouteGroup.SIGNUP, FALLBACK_LIMIT);
    return new RatePolicy(
        "email:" + sha256(normalised),
        RouteGroup.SIGNUP,
        limit,
        properties.window(RouteGroup.SIGNUP));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
