package org.opengovdata.common.problem;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way in every service and in the gateway. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(ProblemType type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    return problem;
  }

  /**
   * Fills in what a problem produced elsewhere (Spring's defaults) lacks: a stable type, the
   * request path as {@code instance}, and the request id for support.
   */
  public static ProblemDetail complete(ProblemDetail problem, String path, String requestId) {
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      ProblemType type = ProblemType.forStatus(problem.getStatus());
      problem.setType(type.uri());
      problem.setTitle(type.title());
    }
    if (problem.getInstance() == null && path != null) {
      problem.setInstance(URI.create(path.replace(" ", "%20")));
    }
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }
}
