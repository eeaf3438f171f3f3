package org.opengovdata.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.gateway.web.PayloadTooLargeException;
import org.opengovdata.gateway.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request that the service could not answer: 503 (or 504 on
 * a time-out) as problem+json, with {@code Retry-After} telling the client when the route will try
 * the service again.
 */
@RestController
class FallbackController {

  private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

  private final CircuitBreakerRegistry breakers;
  private final ProblemResponses responses;

  FallbackController(CircuitBreakerRegistry breakers, ProblemResponses responses) {
    this.breakers = breakers;
    this.responses = responses;
  }

  @RequestMapping("/fallback/{service}")
  Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    Optional<CircuitBreaker> route = breakers.find(service);
    if (cause == null || route.isEmpty()) {
      // only requests forwarded by a route's circuit breaker land here; never make new breakers
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    CircuitBreaker breaker = route.get();
    if (!(cause instanceof CallNotPermittedException)) {
      // what trips the breaker, one line each; refusals while it is open are not logged
      log.warn("{} call failed: {}", service, cause.toString());
    }
    ProblemDetail problem;
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return responses.write(
          exchange,
          Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage()),
          new HttpHeaders());
    }
    if (isTimeout(cause)) {
      problem =
          Problems.of(
              ProblemType.GATEWAY_TIMEOUT,
              "The %s service did not answer in time; try again later.".formatted(service));
    } else {
      String why =
          cause instanceof CallNotPermittedException
              ? "is failing and calls to it are paused"
              : "cannot be reached";
      problem =
          Problems.of(
              ProblemType.SERVICE_UNAVAILABLE,
              "The %s service %s; try again later.".formatted(service, why));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter(breaker).toSeconds()));
    return responses.write(exchange, problem, headers);
  }

  /**
   * No response headers within the route's {@code response-timeout} (the gateway's own {@code
   * ResponseStatusException} 504 wrapping its time-out), or any time-out further down.
   */
  private static boolean isTimeout(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof org.springframework.cloud.gateway.support.TimeoutException
          || (t instanceof ResponseStatusException status
              && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
        return true;
      }
    }
    return false;
  }

  /** While the circuit is open, its configured open wait; else a second. */
  private static Duration retryAfter(CircuitBreaker breaker) {
    if (breaker.getState() == CircuitBreaker.State.OPEN) {
      Duration wait =
          Duration.ofMillis(
              breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
      return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }
    return Duration.ofSeconds(1);
  }
}
