package org.opengovdata.gateway.caller;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Who the gateway decided the caller is; kept on the exchange for the filters after it. */
public record CallerStatus(Kind kind, ApiKey key) {

  private static final String ATTRIBUTE = CallerStatus.class.getName();

  public enum Kind {
    /** No key presented. */
    ANONYMOUS,
    /** A valid, unrevoked key. */
    AUTHENTICATED,
    /** A key was presented but is unknown or revoked. */
    INVALID_KEY,
    /** A key was presented while Redis could not be asked (and it was not cached). */
    UNVERIFIABLE
  }

  public static CallerStatus anonymous() {
    return new CallerStatus(Kind.ANONYMOUS, null);
  }

  public static CallerStatus of(ServerWebExchange exchange) {
    CallerStatus status = exchange.getAttribute(ATTRIBUTE);
    return status == null ? anonymous() : status;
  }

  public Optional<ApiKey> authenticatedKey() {
    return kind == Kind.AUTHENTICATED ? Optional.of(key) : Optional.empty();
  }

  public void storeIn(ServerWebExchange exchange) {
    exchange.getAttributes().put(ATTRIBUTE, this);
  }
}
