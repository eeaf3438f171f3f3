package org.opengovdata.gateway.caller;

import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.security.Role;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Role checks for the gateway's own endpoints. */
public final class Callers {

  private Callers() {}

  /** The caller's key if it holds the role; otherwise 401 (no key) or 403 (wrong role). */
  public static Mono<ApiKey> requireRole(ServerWebExchange exchange, Role role) {
    return CallerStatus.of(exchange)
        .authenticatedKey()
        .map(
            key ->
                key.has(role)
                    ? Mono.just(key)
                    : Mono.<ApiKey>error(
                        new ApiException(
                            ProblemType.FORBIDDEN,
                            "Your API key does not have the role '%s' this operation needs."
                                .formatted(role.claimValue()))))
        .orElseGet(
            () ->
                Mono.error(
                    new ApiException(
                        ProblemType.UNAUTHORIZED,
                        "This operation needs an API key with role '%s' in X-API-Key."
                            .formatted(role.claimValue()))));
  }
}
