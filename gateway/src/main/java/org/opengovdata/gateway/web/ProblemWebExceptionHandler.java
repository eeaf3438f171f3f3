package org.opengovdata.gateway.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.common.web.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises — unknown path, wrong method, bad input to its own
 * endpoints, oversized body, anything unexpected — answers {@code application/problem+json}. Runs
 * before Boot's JSON error handler.
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
    return responses.write(exchange, toProblem(exchange, error, headers), headers);
  }

  private ProblemDetail toProblem(
      ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
    if (error instanceof ApiException api) {
      return api.toProblem();
    }
    if (error instanceof TimeoutException || error instanceof RedisConnectionFailureException) {
      headers.set(HttpHeaders.RETRY_AFTER, "5");
      return Problems.of(
          ProblemType.SERVICE_UNAVAILABLE,
          "The key store (Redis) is not reachable right now; try again shortly.");
    }
    if (error instanceof PayloadTooLargeException tooLarge) {
      return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    }
    if (error instanceof ConstraintViolationException violations) {
      // the generated API interfaces are @Validated: path and query constraints land here
      List<FieldError> errors =
          violations.getConstraintViolations().stream()
              .map(
                  v -> {
                    String parameter = lastNode(v.getPropertyPath());
                    return new FieldError(
                        parameter,
                        "parameter '%s' %s (got '%s')"
                            .formatted(parameter, v.getMessage(), bounded(v.getInvalidValue())));
                  })
              .sorted(java.util.Comparator.comparing(FieldError::parameter))
              .toList();
      return withErrors(ProblemType.INVALID_PARAMETER, errors);
    }
    if (error instanceof IllegalArgumentException badHeader
        && error.getClass().getName().startsWith("org.springframework.")) {
      // e.g. an unparsable or over-long Accept header met by Spring's content negotiation
      return Problems.of(
          ProblemType.INVALID_PARAMETER,
          "A request header could not be parsed: " + bounded(badHeader.getMessage()));
    }
    if (error instanceof WebExchangeBindException bind) {
      List<FieldError> errors =
          bind.getFieldErrors().stream()
              .map(e -> new FieldError(e.getField(), e.getField() + " " + e.getDefaultMessage()))
              .toList();
      return withErrors(ProblemType.INVALID_BODY, errors);
    }
    if (error instanceof HandlerMethodValidationException validation) {
      List<FieldError> errors =
          validation.getParameterValidationResults().stream()
              .flatMap(
                  result ->
                      result.getResolvableErrors().stream()
                          .map(
                              e ->
                                  new FieldError(
                                      name(result.getMethodParameter()),
                                      "parameter '%s' %s (got '%s')"
                                          .formatted(
                                              name(result.getMethodParameter()),
                                              e.getDefaultMessage(),
                                              bounded(result.getArgument())))))
              .toList();
      return withErrors(ProblemType.INVALID_PARAMETER, errors);
    }
    if (error instanceof ServerWebInputException input
        && input.getCause() instanceof DecodingException decoding) {
      // the JSON body (a repeated property, a syntax error), not a parameter
      return Problems.of(ProblemType.INVALID_BODY, StrictJson.unreadableBody(decoding));
    }
    if (error instanceof ServerWebInputException input) {
      MethodParameter parameter = input.getMethodParameter();
      String detail =
          parameter != null && parameter.getParameterName() != null
              ? "Invalid value for parameter '%s'.".formatted(parameter.getParameterName())
              : "The request is malformed: " + input.getReason();
      return parameter != null && parameter.getParameterName() != null
          ? withErrors(
              ProblemType.INVALID_PARAMETER,
              List.of(new FieldError(parameter.getParameterName(), detail)))
          : Problems.of(ProblemType.INVALID_BODY, detail);
    }
    if (error instanceof ResponseStatusException status) {
      ProblemType type = ProblemType.forStatus(status.getStatusCode().value());
      ProblemDetail problem = Problems.of(type, detailFor(type, status, exchange));
      problem.setStatus(status.getStatusCode().value());
      headers.addAll(status.getHeaders());
      if (error instanceof MethodNotAllowedException notAllowed) {
        headers.setAllow(notAllowed.getSupportedMethods());
      }
      return problem;
    }
    log.error(
        "Unhandled gateway error on {} {}",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        error);
    return Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged.");
  }

  private static ProblemDetail withErrors(ProblemType type, List<FieldError> errors) {
    ProblemDetail problem =
        Problems.of(
            type,
            errors.isEmpty()
                ? "The request is invalid."
                : String.join("; ", errors.stream().map(FieldError::detail).toList()));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String lastNode(Path path) {
    String name = "parameter";
    for (Path.Node node : path) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    return name;
  }

  /** An echoed value, cut to 256 characters. */
  static String bounded(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 256 ? text : text.substring(0, 256) + "…";
  }

  private static String name(MethodParameter parameter) {
    String name = parameter.getParameterName();
    return name == null ? "parameter" : name;
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
