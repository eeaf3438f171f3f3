package org.opengovdata.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the identity tokens already verified, so that the token the gateway reuses for a key
 * (45 s of its 60 s) is parsed, HMAC-checked and validated once, not on every request: that was
 * 12–32 % of a cheap request's cost in the services.
 *
 * <ul>
 *   <li>Keyed by the exact token string: a token differing in any byte is a different entry, and
 *       goes through the full check (signature, issuer, {@code iat}/{@code exp}, lifetime).
 *   <li>Only a token the delegate accepted is remembered; a rejected one is checked again each time
 *       it is sent.
 *   <li>An entry is used only while {@code now < exp}: the cache never extends a token's life. From
 *       {@code exp} on, the token goes back to the delegate, whose clock-skew rule decides (and it
 *       is dropped from the cache).
 *   <li>At most {@code maxEntries} entries: when full, expired entries are dropped; if it is still
 *       full, the new token is verified but not remembered.
 * </ul>
 */
final class VerifiedTokenCache implements JwtDecoder {

  private final JwtDecoder delegate;
  private final Clock clock;
  private final int maxEntries;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  VerifiedTokenCache(JwtDecoder delegate, Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.delegate = delegate;
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Jwt cached = verified.get(token);
    if (cached != null) {
      if (usable(cached, now)) {
        return cached;
      }
      verified.remove(token, cached);
    }
    Jwt jwt = delegate.decode(token);
    if (usable(jwt, now)) {
      remember(token, jwt, now);
    }
    return jwt;
  }

  /** How many tokens are remembered (for tests). */
  int size() {
    return verified.size();
  }

  private void remember(String token, Jwt jwt, Instant now) {
    if (verified.size() >= maxEntries) {
      verified.values().removeIf(entry -> !usable(entry, now));
      if (verified.size() >= maxEntries) {
        return;
      }
    }
    verified.put(token, jwt);
  }

  private static boolean usable(Jwt jwt, Instant now) {
    Instant expires = jwt.getExpiresAt();
    return expires != null && now.isBefore(expires);
  }
}
