package org.opengovdata.gateway.keys;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.api.KeysApi;
import org.opengovdata.gateway.api.model.ConsumerKeyRequestDto;
import org.opengovdata.gateway.api.model.IssuedKeyDto;
import org.opengovdata.gateway.ratelimit.RateLimiter;
import org.opengovdata.gateway.ratelimit.RatePolicies;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Self-service: anyone may get a consumer key. The route group "signup" is limited per client IP
 * (whatever key is sent) by the rate-limit filter, and here per e-mail address.
 */
@RestController
class ConsumerKeysController implements KeysApi {

  private final ApiKeys keys;
  private final RatePolicies policies;
  private final RateLimiter limiter;

  ConsumerKeysController(ApiKeys keys, RatePolicies policies, RateLimiter limiter) {
    this.keys = keys;
    this.policies = policies;
    this.limiter = limiter;
  }

  @Override
  public Mono<ResponseEntity<IssuedKeyDto>> requestConsumerKey(
      Mono<ConsumerKeyRequestDto> request, ServerWebExchange exchange) {
    return request
        .map(
            body -> {
              RateLimiter.Decision decision =
                  limiter.consume(policies.forSignupEmail(body.getEmail()));
              if (!decision.allowed()) {
                throw new SignupLimitExceeded(decision);
              }
              return body;
            })
        .flatMap(
            body ->
                keys.issue(
                    body.getName() == null || body.getName().isBlank()
                        ? "self-service key"
                        : body.getName().strip(),
                    body.getEmail(),
                    EnumSet.of(Role.CONSUMER),
                    Map.of(),
                    KeyScope.UNRESTRICTED))
        .map(
            issued ->
                ResponseEntity.created(URI.create("/api/v1/admin/keys/" + issued.record().id()))
                    .cacheControl(CacheControl.noStore())
                    .body(KeyDtos.issued(issued)));
  }

  /** 429 with {@code Retry-After}: too many keys for one e-mail address in the window. */
  static final class SignupLimitExceeded extends ResponseStatusException {

    private final long retryAfterSeconds;

    SignupLimitExceeded(RateLimiter.Decision decision) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "At most %d keys per e-mail address per %d s; retry in %d s."
              .formatted(
                  decision.policy().limit(),
                  decision.policy().window().toSeconds(),
                  decision.secondsToReset()));
      this.retryAfterSeconds = decision.secondsToReset();
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      return headers;
    }
  }
}
