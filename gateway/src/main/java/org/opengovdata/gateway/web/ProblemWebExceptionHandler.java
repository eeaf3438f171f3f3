package org.opengovdata.gateway.web;

import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises — unknown path, wrong method, oversized body, anything
 * unexpected — answers {@code application/problem+json}. Runs before Boot's JSON error handler.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

  private final ProblemResponses responses;

  ProblemWebExceptionHandler(ProblemResponses responses) {
    this.responses = responses;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    HttpHeaders headers = new HttpHeaders();
    ProblemDetail problem;
    if (error instanceof ResponseStatusException status) {
      ProblemType type = ProblemType.forStatus(status.getStatusCode().value());
      problem = Problems.of(type, detailFor(type, status, exchange));
      problem.setStatus(status.getStatusCode().value());
      headers.addAll(status.getHeaders());
      if (error instanceof MethodNotAllowedException notAllowed) {
        headers.setAllow(notAllowed.getSupportedMethods());
      }
    } else {
      log.error(
          "Unhandled gateway error on {} {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          error);
      problem =
          Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged.");
    }
    return responses.write(exchange, problem, headers);
  }

  private static String detailFor(
      ProblemType type, ResponseStatusException error, ServerWebExchange exchange) {
    return switch (type) {
      case NOT_FOUND -> "No resource at " + exchange.getRequest().getPath().value() + ".";
      case METHOD_NOT_ALLOWED ->
          "Method " + exchange.getRequest().getMethod() + " is not allowed here.";
      default -> error.getReason() != null ? error.getReason() : type.title() + ".";
    };
  }
}
