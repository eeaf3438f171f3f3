package org.opengovdata.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * A domain error that becomes an RFC 9457 problem. Create it through the static factories so the
 * same situation always yields the same type and wording.
 */
public class ApiException extends RuntimeException {

  private final ProblemType type;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public static ApiException invalidParameter(String parameter, String detail) {
    return new ApiException(ProblemType.INVALID_PARAMETER, detail)
        .with("errors", List.of(new FieldError(parameter, detail)));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemType.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(ProblemType.CONFLICT, detail);
  }

  public ApiException with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ProblemType type() {
    return type;
  }

  public ProblemDetail toProblem() {
    ProblemDetail problem = Problems.of(type, getMessage());
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** One entry of a problem's {@code errors[]}: which input is wrong and why. */
  public record FieldError(String parameter, String detail) {}
}
