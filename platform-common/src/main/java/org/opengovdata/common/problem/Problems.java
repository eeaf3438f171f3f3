package org.opengovdata.common.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way in every service and in the gateway. */
public final class Problems {

  /** The most characters of one value a problem echoes back ({@code q=…}, a cursor, a header). */
  public static final int MAX_ECHO = 256;

  /** The most characters of a whole {@code detail} (several echoed values and their wording). */
  public static final int MAX_DETAIL = 1024;

  /** A fully qualified Java class name ({@code java.time.LocalDate}, {@code tools.jackson…}). */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

  /** An unbroken run of more than {@link #MAX_ECHO} non-space characters: an echoed value. */
  private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (MAX_ECHO + 1) + ",}");

  private Problems() {}

  /** {@code value} as a problem may echo it: at most {@link #MAX_ECHO} characters. */
  public static String echo(Object value) {
    String text = String.valueOf(value);
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
  }

  /**
   * A detail safe to send: no echoed value longer than {@link #MAX_ECHO} characters, no library
   * class names (they tell an attacker the stack and a user nothing), at most {@link #MAX_DETAIL}
   * characters in all.
   */
  public static String bounded(String detail) {
    if (detail == null) {
      return null;
    }
    String safe = CLASS_NAME.matcher(detail).replaceAll("value");
    safe = LONG_RUN.matcher(safe).replaceAll(run -> Matcher.quoteReplacement(echo(run.group())));
    return safe.length() <= MAX_DETAIL ? safe : safe.substring(0, MAX_DETAIL) + "…";
  }

  public static ProblemDetail of(ProblemType type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), bounded(detail));
    problem.setType(type.uri());
    problem.setTitle(type.title());
    return problem;
  }

  /**
   * Fills in what a problem produced elsewhere (Spring's defaults) lacks: a stable type, the
   * request path as {@code instance}, and the request id for support.
   */
  public static ProblemDetail complete(ProblemDetail problem, String path, String requestId) {
    problem.setDetail(bounded(problem.getDetail()));
    boundEchoes(problem);
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      ProblemType type = ProblemType.forStatus(problem.getStatus());
      problem.setType(type.uri());
      problem.setTitle(type.title());
    }
    if (problem.getInstance() == null && path != null) {
      problem.setInstance(instanceOf(path));
    }
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  /** Bounds what {@code errors[]} and {@code parameter}/{@code value} properties echo. */
  private static void boundEchoes(ProblemDetail problem) {
    Map<String, Object> properties = problem.getProperties();
    if (properties == null) {
      return;
    }
    for (String name : List.of("parameter", "value")) {
      if (properties.get(name) instanceof String text) {
        problem.setProperty(name, echo(text));
      }
    }
    if (properties.get("errors") instanceof List<?> errors) {
      problem.setProperty(
          "errors",
          errors.stream()
              .map(
                  e ->
                      e instanceof FieldError f
                          ? new FieldError(echo(f.parameter()), bounded(f.detail()))
                          : e)
              .toList());
    }
  }

  /** The request path as {@code instance}; a path that is no valid URI is echoed bounded. */
  private static URI instanceOf(String path) {
    String bounded = echo(path).replace(" ", "%20");
    try {
      return URI.create(bounded);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
