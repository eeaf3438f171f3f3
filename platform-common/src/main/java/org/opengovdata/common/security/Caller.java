package org.opengovdata.common.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The verified caller of the current request: API key id, roles and write scope from the identity
 * token. Its JSON shape is the {@code Caller} schema of the services' specs (roles in lower case).
 */
public record Caller(String subject, List<Role> roles, KeyScope scope) {

  public Caller {
    roles = List.copyOf(roles);
    scope = scope == null ? KeyScope.UNRESTRICTED : scope;
  }

  public Caller(String subject, List<Role> roles) {
    this(subject, roles, KeyScope.UNRESTRICTED);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** The caller, when the request carried a valid identity token. */
  public static Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt) {
      List<Role> roles =
          jwt.getAuthorities().stream()
              .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
              .flatMap(name -> Role.fromClaim(name).stream())
              .toList();
      KeyScope scope =
          KeyScope.of(
              jwt.getToken().getClaimAsStringList(IdentityToken.REGIONS_CLAIM),
              jwt.getToken().getClaimAsStringList(IdentityToken.DATASETS_CLAIM));
      return Optional.of(new Caller(jwt.getName(), roles, scope));
    }
    return Optional.empty();
  }
}
