package org.opengovdata.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovdata.common.security.IdentityToken;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.opengovdata.gateway.caller.ApiKey;
import org.opengovdata.gateway.keys.GatewaySecurityProperties;
import org.springframework.stereotype.Component;

/**
 * The identity token a key's requests carry to the services, minted once per key and reused until a
 * quarter of its lifetime is left (45 s of a 60 s token): signing per request was one of the
 * gateway's largest costs. The services' checks are unchanged — a reused token is still at most 60
 * s old when it arrives. A key's roles or scope changing mints a new token at once.
 */
@Component
class IdentityTokens {

  private static final int PRUNE_ABOVE = 10_000;

  private final IdentityTokenProperties tokens;
  private final Duration lifetime;
  private final Duration reuseFor;
  private final Clock clock;
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();

  IdentityTokens(IdentityTokenProperties tokens, GatewaySecurityProperties security, Clock clock) {
    this.tokens = tokens;
    this.lifetime = security.tokenLifetime();
    this.reuseFor = lifetime.minus(lifetime.dividedBy(4));
    this.clock = clock;
  }

  /** A token for the key, signed now or reused while it has more than a quarter of its life. */
  String forKey(ApiKey key) {
    Instant now = clock.instant();
    Minted current = minted.get(key.id());
    if (current != null && now.isBefore(current.reuseUntil()) && current.sameClaims(key)) {
      return current.token();
    }
    String token =
        IdentityToken.mint(tokens.secret(), key.id(), key.roles(), key.scope(), lifetime, now);
    if (minted.size() > PRUNE_ABOVE) {
      minted.values().removeIf(old -> !now.isBefore(old.reuseUntil()));
    }
    minted.put(key.id(), new Minted(token, key, now.plus(reuseFor)));
    return token;
  }

  private record Minted(String token, ApiKey key, Instant reuseUntil) {
    boolean sameClaims(ApiKey other) {
      return key.roles().equals(other.roles()) && key.scope().equals(other.scope());
    }
  }
}
