package org.opengovdata.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem+json. Spring Security answers these before any controller runs, so they
 * are written here rather than by the MVC exception handler.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  public ProblemSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean badToken = failure instanceof InvalidBearerTokenException;
    String detail =
        badToken
            ? "The identity token is invalid or expired. Call through the gateway with a valid"
                + " X-API-Key."
            : "This operation needs an API key with the right role: call through the gateway"
                + " with X-API-Key.";
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        badToken
            ? "Bearer realm=\"opendata\", error=\"invalid_token\""
            : "Bearer realm=\"opendata\"");
    write(request, response, Problems.of(ProblemType.UNAUTHORIZED, detail));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(request, response, forbidden());
  }

  public static ProblemDetail forbidden() {
    return Problems.of(
        ProblemType.FORBIDDEN, "Your API key does not have a role that allows this operation.");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    ProblemResponses.write(json, request, response, problem);
  }
}
