package org.opengovdata.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovdata.common.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem as the response, for the parts of a service that run before Spring MVC. */
final class ProblemResponses {

  private ProblemResponses() {}

  static void write(
      JsonMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemDetail problem)
      throws IOException {
    Problems.complete(problem, request.getRequestURI(), RequestIdFilter.idOf(request));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", problem.getInstance());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
