package org.opengovdata.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page: errors raised outside Spring MVC (servlet filters,
 * the container rejecting a request) also answer {@code application/problem+json}.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    int status = statusOf(request);
    ProblemType type = ProblemType.forStatus(status);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    ProblemDetail problem = Problems.of(type, detailFor(type, path));
    problem.setStatus(status);
    Problems.complete(problem, path, RequestIdFilter.idOf(request));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static int statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer status && status >= 400) {
      return status;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR.value();
  }

  private static String detailFor(ProblemType type, String path) {
    return switch (type) {
      case NOT_FOUND -> "No resource at " + path + ".";
      case PAYLOAD_TOO_LARGE -> "The request body is larger than this endpoint accepts.";
      case INTERNAL -> "An unexpected error occurred; it has been logged.";
      default -> type.title() + ".";
    };
  }
}
