package org.opengovdata.common.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opengovdata.common.security.IdentityToken;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Identity tokens for tests: minted exactly as the gateway mints them, with a test secret. */
public final class TestTokens {

  public static final String SECRET = "test-only-identity-token-secret-0123456789";

  private TestTokens() {}

  /** Gives the service under test the secret these tokens are signed with. */
  public static void registerSecret(DynamicPropertyRegistry registry) {
    registry.add("opendata.security.jwt.secret", () -> SECRET);
  }

  /** {@code Authorization} header value for a caller with these roles. */
  public static String bearer(String subject, Role... roles) {
    return "Bearer " + mint(SECRET, subject, Instant.now(), roles);
  }

  /** {@code Authorization} header value for a caller whose key is limited to {@code scope}. */
  public static String scopedBearer(String subject, KeyScope scope, Role... roles) {
    return "Bearer "
        + IdentityToken.mint(
            SECRET, subject, List.of(roles), scope, Duration.ofSeconds(60), Instant.now());
  }

  /** A token that expired a minute ago. */
  public static String expiredBearer(String subject, Role... roles) {
    return "Bearer " + mint(SECRET, subject, Instant.now().minusSeconds(120), roles);
  }

  /** A well-formed token signed with a key the service does not know (a forgery). */
  public static String forgedBearer(String subject, Role... roles) {
    return "Bearer "
        + mint("forged-secret-forged-secret-forged-secret!", subject, Instant.now(), roles);
  }

  private static String mint(String secret, String subject, Instant issuedAt, Role... roles) {
    return IdentityToken.mint(secret, subject, List.of(roles), Duration.ofSeconds(60), issuedAt);
  }
}
