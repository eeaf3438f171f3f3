package org.opengovdata.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How every service trusts a caller: only through the gateway's identity token.
 *
 * <ul>
 *   <li>Public reads ({@code GET}/{@code HEAD}) are anonymous; restricted reads say so with
 *       {@code @PreAuthorize}.
 *   <li>Everything else — every write, every {@code /admin/} path — needs a valid token; the
 *       endpoint then checks its role with {@code @PreAuthorize("hasRole('PUBLISHER')")}.
 *   <li>No token → 401, wrong role → 403, both problem+json (written by the web layer's {@code
 *       ProblemSecurityHandlers}, which this configuration knows only as Spring Security's entry
 *       point and access-denied handler).
 * </ul>
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityTokenProperties.class)
public class ServiceSecurityAutoConfiguration {

  @Bean
  SecurityFilterChain serviceSecurityFilterChain(
      HttpSecurity http,
      JwtDecoder decoder,
      AuthenticationEntryPoint unauthenticated,
      AccessDeniedHandler denied)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/actuator/info", "/error")
                    .permitAll()
                    .requestMatchers("/api/v1/*/admin/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesConverter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    return http.build();
  }

  /** Verified tokens remembered at most (the gateway sends one token per active key). */
  static final int VERIFIED_TOKENS = 4_096;

  @Bean
  JwtDecoder identityTokenDecoder(IdentityTokenProperties properties) {
    return identityTokenDecoder(properties, Clock.systemUTC());
  }

  /**
   * The gateway's identity tokens, checked in full (signature, issuer, timestamps, lifetime) the
   * first time a token is seen, then served from {@link VerifiedTokenCache} until its {@code exp}.
   */
  static JwtDecoder identityTokenDecoder(IdentityTokenProperties properties, Clock clock) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(IdentityToken.key(properties.secret()))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
    timestamps.setClock(clock);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            timestamps,
            new JwtIssuerValidator(IdentityToken.ISSUER),
            shortLived(properties.clockSkew(), clock)));
    return new VerifiedTokenCache(decoder, clock, VERIFIED_TOKENS);
  }

  /** Rejects tokens that live longer than the gateway ever mints, or that lack a lifetime. */
  private static OAuth2TokenValidator<Jwt> shortLived(Duration skew, Clock clock) {
    return jwt ->
        lifetimeProblem(jwt.getIssuedAt(), jwt.getExpiresAt(), clock.instant(), skew)
            .map(
                problem ->
                    OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", problem, null)))
            .orElseGet(OAuth2TokenValidatorResult::success);
  }

  /**
   * What is wrong with a token's lifetime, if anything: the gateway mints tokens with {@code iat}
   * and {@code exp} at most {@link IdentityToken#MAX_LIFETIME} apart, so a token without them, one
   * issued in the future, or one that expires further out than a fresh token would is not the
   * gateway's (a leaked secret must not yield tokens that live for years).
   */
  static java.util.Optional<String> lifetimeProblem(
      Instant issued, Instant expires, Instant now, Duration skew) {
    if (issued == null || expires == null) {
      return java.util.Optional.of("identity tokens must carry iat and exp");
    }
    if (issued.isAfter(now.plus(skew))) {
      return java.util.Optional.of("identity token issued in the future");
    }
    if (expires.isBefore(issued)
        || Duration.between(issued, expires).compareTo(IdentityToken.MAX_LIFETIME) > 0) {
      return java.util.Optional.of("identity tokens must live at most 60 s");
    }
    if (expires.isAfter(now.plus(IdentityToken.MAX_LIFETIME).plus(skew))) {
      return java.util.Optional.of("identity token expires too far in the future");
    }
    return java.util.Optional.empty();
  }

  private static JwtAuthenticationConverter rolesConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(rolesFromClaim());
    return converter;
  }

  private static Converter<Jwt, Collection<GrantedAuthority>> rolesFromClaim() {
    return jwt -> {
      List<String> claim = jwt.getClaimAsStringList(IdentityToken.ROLES_CLAIM);
      List<GrantedAuthority> authorities = new ArrayList<>();
      if (claim != null) {
        claim.stream()
            .flatMap(value -> Role.fromClaim(value).stream())
            .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
      }
      return authorities;
    };
  }
}
