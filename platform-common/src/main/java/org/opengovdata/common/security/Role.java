package org.opengovdata.common.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do. Claim values and key records use the lower-case names. */
public enum Role {
  /** Reads with higher limits and bulk downloads. */
  CONSUMER,
  /** Loads datasets and publishes policy documents. */
  PUBLISHER,
  /** Manages retention, holds, disposition and backups. */
  ARCHIVIST,
  /** Manages API keys and everything else. */
  ADMIN;

  @JsonValue
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Spring Security authority, as checked by {@code hasRole('PUBLISHER')}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> fromClaim(String value) {
    for (Role role : values()) {
      if (role.claimValue().equalsIgnoreCase(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
