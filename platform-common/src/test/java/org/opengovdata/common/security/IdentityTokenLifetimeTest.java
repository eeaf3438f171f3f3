package org.opengovdata.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Issue #8 item 8: the services accept only tokens shaped like the gateway's. */
class IdentityTokenLifetimeTest {

  private static final String SECRET = "test-only-identity-token-secret-0123456789";
  private final JwtDecoder decoder =
      new ServiceSecurityAutoConfiguration()
          .identityTokenDecoder(new IdentityTokenProperties(SECRET, Duration.ofSeconds(5)));

  @Test
  void item8TokensNeedIatAndExpAtMostSixtySecondsApartAndNotFromTheFuture() throws Exception {
    Instant now = Instant.now();
    assertThat(decoder.decode(token(now, now.plusSeconds(60))).getSubject()).isEqualTo("key_x");
    assertThat(decoder.decode(token(now.plusSeconds(3), now.plusSeconds(63))).getSubject())
        .isEqualTo("key_x");
    for (String forged :
        List.of(
            token(null, null),
            token(null, now.plus(Duration.ofDays(3650))),
            token(now, null),
            token(now, now.plus(Duration.ofDays(3650))),
            token(now, now.plusSeconds(64)),
            token(now.plusSeconds(600), now.plusSeconds(660)))) {
      assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }
  }

  private static String token(Instant issued, Instant expires) throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(IdentityToken.ISSUER)
            .subject("key_x")
            .claim(IdentityToken.ROLES_CLAIM, List.of("publisher"));
    if (issued != null) {
      claims.issueTime(Date.from(issued));
    }
    if (expires != null) {
      claims.expirationTime(Date.from(expires));
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    jwt.sign(new MACSigner(IdentityToken.key(SECRET)));
    return jwt.serialize();
  }
}
