package org.opengovdata.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The services remember verified identity tokens, but never past their exp, nor a forged one. */
class VerifiedTokenCacheTest {

  private static final String SECRET = "test-only-identity-token-secret-0123456789";
  private static final Duration SKEW = Duration.ofSeconds(5);
  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final JwtDecoder decoder =
      ServiceSecurityAutoConfiguration.identityTokenDecoder(
          new IdentityTokenProperties(SECRET, SKEW), clock);

  @Test
  void aCachedTokenStillExpires() {
    String token = mint(T0);
    assertThat(decoder.decode(token).getSubject()).isEqualTo("key_x");
    clock.set(T0.plusSeconds(59));
    assertThat(decoder.decode(token).getSubject()).isEqualTo("key_x");
    // past exp, the full check decides again: within the 5 s clock skew it is still accepted ...
    clock.set(T0.plusSeconds(63));
    assertThat(decoder.decode(token).getSubject()).isEqualTo("key_x");
    // ... and beyond it refused, although it was verified (and remembered) a moment ago
    clock.set(T0.plusSeconds(66));
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
  }

  @Test
  void aTokenWithAnyChangedByteIsRejectedEvenWhileTheOriginalIsCached() {
    String token = mint(T0);
    Jwt original = decoder.decode(token);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int changed = 0;
    for (int i = 0; i < token.length(); i++) {
      int value = alphabet.indexOf(token.charAt(i));
      if (value < 0) {
        continue; // the two dots
      }
      // flip the highest of the character's six bits: always a different decoded byte, even in
      // the last character of a part (whose low bits are padding)
      char other = alphabet.charAt(value ^ 0b100000);
      String forged = token.substring(0, i) + other + token.substring(i + 1);
      assertThatThrownBy(() -> decoder.decode(forged))
          .as("byte %d changed", i)
          .isInstanceOf(JwtException.class);
      changed++;
    }
    assertThat(changed).isEqualTo(token.length() - 2);
    assertThat(decoder.decode(token)).isSameAs(original);
  }

  @Test
  void aTokenIsVerifiedOnceThenServedFromTheCacheUntilExpOnly() {
    Counting delegate = new Counting(T0.plusSeconds(60));
    VerifiedTokenCache cache = new VerifiedTokenCache(delegate, clock, 16);
    Jwt first = cache.decode("token-a");
    clock.set(T0.plusSeconds(30));
    assertThat(cache.decode("token-a")).isSameAs(first);
    clock.set(T0.plusMillis(59_999));
    assertThat(cache.decode("token-a")).isSameAs(first);
    assertThat(delegate.calls.get()).isEqualTo(1);
    // at exp the entry is no longer used: the delegate (and its skew rule) sees the token again
    clock.set(T0.plusSeconds(60));
    cache.decode("token-a");
    assertThat(delegate.calls.get()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void revocationStillBoundedByTheTokensExpNotByWhenTheServiceFirstSawIt() {
    // The gateway stops sending a revoked key's token within 5 s (gateway/README.md,
    // "Revocation"); a copy already sent is accepted by a service until its exp (+ clock skew),
    // as before the cache. A token first seen late in its life must not be remembered longer.
    String token = mint(T0);
    clock.set(T0.plusSeconds(55));
    assertThat(decoder.decode(token).getSubject()).isEqualTo("key_x");
    clock.set(T0.plusSeconds(66));
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    // and a token the full check refuses is never remembered: refused every time
    String expired = mint(T0.minusSeconds(120));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    }
  }

  @Test
  void refusedTokensAreNotRememberedAndTheCacheIsBounded() {
    AtomicInteger refusals = new AtomicInteger();
    VerifiedTokenCache refusing =
        new VerifiedTokenCache(
            token -> {
              refusals.incrementAndGet();
              throw new BadJwtException("bad signature");
            },
            clock,
            16);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> refusing.decode("forged")).isInstanceOf(JwtException.class);
    }
    assertThat(refusals.get()).isEqualTo(3);
    assertThat(refusing.size()).isZero();

    Counting delegate = new Counting(T0.plusSeconds(60));
    VerifiedTokenCache cache = new VerifiedTokenCache(delegate, clock, 3);
    for (int i = 0; i < 10; i++) {
      assertThat(cache.decode("token-" + i).getSubject()).isEqualTo("key_x");
    }
    assertThat(cache.size()).isEqualTo(3);
    // once those expire, they make room for new ones
    clock.set(T0.plusSeconds(61));
    delegate.expires = T0.plusSeconds(121);
    cache.decode("new");
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.decode("new")).isSameAs(cache.decode("new"));
  }

  private static String mint(Instant issued) {
    return IdentityToken.mint(
        SECRET, "key_x", List.of(Role.PUBLISHER), Duration.ofSeconds(60), issued);
  }

  /** Accepts every token, as a token expiring at {@code expires}, and counts the calls. */
  private static final class Counting implements JwtDecoder {
    private volatile Instant expires;
    private final AtomicInteger calls = new AtomicInteger();

    Counting(Instant expires) {
      this.expires = expires;
    }

    @Override
    public Jwt decode(String token) {
      calls.incrementAndGet();
      return new Jwt(
          token, expires.minusSeconds(60), expires, Map.of("alg", "HS256"), Map.of("sub", "key_x"));
    }
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
