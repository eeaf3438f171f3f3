package org.opengovdata.gateway.caller;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;

/**
 * An API key's record. The key itself is never stored: only its SHA-256 hash, which is enough
 * because keys carry 256 random bits (no dictionary to guess from).
 *
 * @param limits requests per window per route group, overriding the role defaults
 * @param scope what the key may write (regions, datasets); put into its identity tokens
 */
public record ApiKey(
    String id,
    String name,
    String owner,
    Set<Role> roles,
    Map<RouteGroup, Integer> limits,
    KeyScope scope,
    Instant createdAt,
    Instant lastUsedAt,
    boolean revoked,
    Instant revokedAt) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
