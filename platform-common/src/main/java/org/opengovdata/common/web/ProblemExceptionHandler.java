package org.opengovdata.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.opengovdata.common.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one error handler of a service: every exception becomes {@code application/problem+json} with
 * a stable type, the request path as instance, the request id, and for bad input the name of the
 * offending parameter in {@code errors[]}.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
    ProblemDetail body = ex.toProblem();
    return handleExceptionInternal(ex, body, new HttpHeaders(), ex.type().status(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(
      ConstraintViolationException ex, WebRequest request) {
    List<FieldError> errors =
        ex.getConstraintViolations().stream()
            .map(
                v -> {
                  String name = lastNode(v.getPropertyPath().toString());
                  return new FieldError(
                      name,
                      "parameter '%s' %s (got '%s')"
                          .formatted(name, v.getMessage(), Problems.echo(v.getInvalidValue())));
                })
            .toList();
    return badInput(ex, errors, request);
  }

  /**
   * A {@code @PreAuthorize} refusal inside a controller: 401 for an anonymous caller, 403 for a
   * caller whose key lacks the role (the catch-all below would otherwise make it a 500).
   */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
    boolean anonymous = Caller.current().isEmpty();
    ProblemDetail body =
        anonymous
            ? Problems.of(
                ProblemType.UNAUTHORIZED,
                "This operation needs an API key with the right role: call through the gateway"
                    + " with X-API-Key.")
            : ProblemSecurityHandlers.forbidden();
    HttpHeaders headers = new HttpHeaders();
    if (anonymous) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"opendata\"");
    }
    return handleExceptionInternal(
        ex, body, headers, HttpStatusCode.valueOf(body.getStatus()), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
      // a download the client stopped reading (curl -m, a closed tab): nothing went wrong here,
      // and nothing can be written back — one line, not an ERROR with a 200-line stack trace
      log.info("Client went away during {} ({})", describe(request), ex.getClass().getSimpleName());
      return null;
    }
    log.error("Unhandled error on {}", describe(request), ex);
    ProblemDetail body =
        Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged.");
    return handleExceptionInternal(
        ex, body, new HttpHeaders(), ProblemType.INTERNAL.status(), request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    String expected =
        ex.getRequiredType() == null ? "a valid value" : describeType(ex.getRequiredType());
    String detail =
        "'%s' is not %s for parameter '%s'".formatted(Problems.echo(ex.getValue()), expected, name);
    return badInput(ex, List.of(new FieldError(name, detail)), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = ex.getParameterName();
    return badInput(
        ex, List.of(new FieldError(name, "parameter '%s' is required".formatted(name))), request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(e -> new FieldError(parameterName(r), message(r, e))))
            .toList();
    return badInput(ex, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getField() + " " + e.getDefaultMessage()))
            .toList();
    ProblemDetail body = Problems.of(ProblemType.INVALID_BODY, summary(errors));
    body.setProperty("errors", errors);
    return handleExceptionInternal(ex, body, headers, ProblemType.INVALID_BODY.status(), request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body =
        Problems.of(ProblemType.NOT_FOUND, "No resource at /" + ex.getResourcePath() + ".");
    return handleExceptionInternal(ex, body, headers, ProblemType.NOT_FOUND.status(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body = Problems.of(ProblemType.INVALID_BODY, StrictJson.unreadableBody(ex));
    return handleExceptionInternal(ex, body, headers, ProblemType.INVALID_BODY.status(), request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem && request instanceof NativeWebRequest web) {
      HttpServletRequest servlet = web.getNativeRequest(HttpServletRequest.class);
      if (servlet != null) {
        Problems.complete(problem, servlet.getRequestURI(), RequestIdFilter.idOf(servlet));
      }
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private ResponseEntity<Object> badInput(
      Exception ex, List<FieldError> errors, WebRequest request) {
    ProblemDetail body = Problems.of(ProblemType.INVALID_PARAMETER, summary(errors));
    body.setProperty("errors", errors);
    return handleExceptionInternal(
        ex, body, new HttpHeaders(), ProblemType.INVALID_PARAMETER.status(), request);
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return "The request is invalid.";
    }
    return String.join("; ", errors.stream().map(FieldError::detail).toList());
  }

  private static String parameterName(ParameterValidationResult result) {
    String name = result.getMethodParameter().getParameterName();
    return name == null ? "parameter" : name;
  }

  private static String message(ParameterValidationResult result, MessageSourceResolvable error) {
    Object value = result.getArgument();
    return "parameter '%s' %s (got '%s')"
        .formatted(parameterName(result), error.getDefaultMessage(), Problems.echo(value));
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static String describeType(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == java.time.LocalDate.class) {
      return "a date (yyyy-MM-dd)";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO 8601 date-time";
    }
    // never a class name in a detail: it tells a client nothing and an attacker the stack
    return "a valid value";
  }

  private static String describe(WebRequest request) {
    return request instanceof ServletWebRequest s
        ? s.getRequest().getMethod() + " " + s.getRequest().getRequestURI()
        : request.getDescription(false);
  }
}
