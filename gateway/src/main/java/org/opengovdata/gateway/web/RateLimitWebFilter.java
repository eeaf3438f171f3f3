package org.opengovdata.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.gateway.caller.CallerStatus;
import org.opengovdata.gateway.caller.RouteGroup;
import org.opengovdata.gateway.ratelimit.ClientAddress;
import org.opengovdata.gateway.ratelimit.RateLimitProperties;
import org.opengovdata.gateway.ratelimit.RateLimiter;
import org.opengovdata.gateway.ratelimit.RatePolicies;
import org.opengovdata.gateway.ratelimit.RatePolicy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the caller's limit to every {@code /api/} request and says so on every response: IETF
 * draft {@code RateLimit-Policy}/{@code RateLimit} plus {@code X-RateLimit-*}. Over the limit: 429
 * problem+json with {@code Retry-After}.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitWebFilter implements WebStage {

  private final RatePolicies policies;
  private final RateLimiter limiter;
  private final ProblemResponses problems;
  private final MeterRegistry meters;
  private final Set<String> trustedProxies;

  RateLimitWebFilter(
      RatePolicies policies,
      RateLimiter limiter,
      ProblemResponses problems,
      MeterRegistry meters,
      RateLimitProperties properties) {
    this.policies = policies;
    this.limiter = limiter;
    this.problems = problems;
    this.meters = meters;
    this.trustedProxies = properties.trustedProxies();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!request.getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    RouteGroup group = RouteGroup.of(request);
    String client = ClientAddress.of(request, trustedProxies);
    // signups are counted per client IP whatever key is sent: a key must not buy fresh windows
    RatePolicy policy =
        group == RouteGroup.SIGNUP
            ? policies.forAnonymous(client, group)
            : CallerStatus.of(exchange)
                .authenticatedKey()
                .map(key -> policies.forKey(key, group))
                .orElseGet(() -> policies.forAnonymous(client, group));
    RateLimiter.Decision decision = limiter.consume(policy);
    writeHeaders(exchange.getResponse().getHeaders(), decision);
    if (decision.allowed()) {
      return chain.filter(exchange);
    }
    meters.counter("gateway.ratelimit.rejected", "group", group.key()).increment();
    return tooManyRequests(exchange, decision);
  }

  private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimiter.Decision decision) {
    RatePolicy policy = decision.policy();
    ProblemDetail problem =
        Problems.of(
            ProblemType.RATE_LIMITED,
            "Rate limit of %d %s requests per %d s exceeded; retry in %d s.%s"
                .formatted(
                    policy.limit(),
                    policy.group().key(),
                    policy.window().toSeconds(),
                    decision.secondsToReset(),
                    CallerStatus.of(exchange).authenticatedKey().isPresent()
                        ? ""
                        : " An API key (POST /api/v1/keys) raises the limit."));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.secondsToReset()));
    return problems.write(exchange, problem, headers);
  }

  /** draft-ietf-httpapi-ratelimit-headers (structured fields), and the common X- headers. */
  private static void writeHeaders(HttpHeaders headers, RateLimiter.Decision decision) {
    RatePolicy policy = decision.policy();
    String name = "\"" + policy.group().key() + "\"";
    headers.set(
        "RateLimit-Policy", name + ";q=" + policy.limit() + ";w=" + policy.window().toSeconds());
    headers.set(
        "RateLimit", name + ";r=" + decision.remaining() + ";t=" + decision.secondsToReset());
    headers.set("X-RateLimit-Limit", Integer.toString(policy.limit()));
    headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    headers.set("X-RateLimit-Reset", Long.toString(decision.secondsToReset()));
  }
}
