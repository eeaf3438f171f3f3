package org.opengovdata.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived token the gateway forwards for an authenticated caller and the services verify:
 * HS256 with {@code JWT_SECRET}, subject = API key id, claim {@code roles}, at most 60 s.
 */
public final class IdentityToken {

  public static final String ISSUER = "opendata-gateway";
  public static final String ROLES_CLAIM = "roles";

  /** The regions a scoped key may write for (absent when the key is not restricted). */
  public static final String REGIONS_CLAIM = "regions";

  /** The datasets a scoped key may write to (absent when the key is not restricted). */
  public static final String DATASETS_CLAIM = "datasets";

  public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

  /** HS256 needs a key of at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  private IdentityToken() {}

  public static String mint(
      String secret, String subject, Collection<Role> roles, Duration lifetime, Instant now) {
    return mint(secret, subject, roles, KeyScope.UNRESTRICTED, lifetime, now);
  }

  /** A token for a key with a write scope ({@link KeyScope}); empty axes are left out. */
  public static String mint(
      String secret,
      String subject,
      Collection<Role> roles,
      KeyScope scope,
      Duration lifetime,
      Instant now) {
    if (lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("identity tokens live at most " + MAX_LIFETIME);
    }
    List<String> claimRoles = roles.stream().map(Role::claimValue).toList();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim(ROLES_CLAIM, claimRoles);
    if (!scope.regions().isEmpty()) {
      claims.claim(REGIONS_CLAIM, scope.sortedRegions());
    }
    if (!scope.datasets().isEmpty()) {
      claims.claim(DATASETS_CLAIM, scope.sortedDatasets());
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(key(secret)));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign identity token", e);
    }
    return jwt.serialize();
  }

  public static SecretKey key(String secret) {
    byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "JWT_SECRET must be at least %d bytes (HS256); scripts/up.sh generates one."
              .formatted(MIN_SECRET_BYTES));
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }
}
