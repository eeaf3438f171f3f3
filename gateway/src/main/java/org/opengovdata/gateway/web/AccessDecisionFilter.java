package org.opengovdata.gateway.web;

import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.gateway.caller.CallerStatus;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose key was rejected — after rate limiting, so that guessing keys is
 * rate-limited like anything else. A key that could not be checked (Redis down, key not cached)
 * still reads public data anonymously; a write with it gets 503.
 */
@Component
@Order(FilterOrder.ACCESS_DECISION)
class AccessDecisionFilter implements WebStage {

  private final ProblemResponses problems;

  AccessDecisionFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    CallerStatus caller = CallerStatus.of(exchange);
    HttpHeaders headers = new HttpHeaders();
    switch (caller.kind()) {
      case INVALID_KEY -> {
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"opendata\"");
        return problems.write(
            exchange,
            Problems.of(ProblemType.UNAUTHORIZED, "The API key is not valid or has been revoked."),
            headers);
      }
      case UNVERIFIABLE -> {
        if (!isSafe(exchange.getRequest().getMethod())) {
          headers.set(HttpHeaders.RETRY_AFTER, "5");
          return problems.write(
              exchange,
              Problems.of(
                  ProblemType.SERVICE_UNAVAILABLE,
                  "API keys cannot be verified right now; reads still work without a key."),
              headers);
        }
        return chain.filter(exchange);
      }
      default -> {
        return chain.filter(exchange);
      }
    }
  }

  private static boolean isSafe(HttpMethod method) {
    return HttpMethod.GET.equals(method)
        || HttpMethod.HEAD.equals(method)
        || HttpMethod.OPTIONS.equals(method);
  }
}
