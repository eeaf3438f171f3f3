package org.opengovdata.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests malformed in ways that would otherwise surface deep inside Spring MVC.
 *
 * <p>A query string the container cannot decode ({@code year=%FF}, the overlong {@code %C0%80}, the
 * lone surrogate {@code %ED%A0%80}, a stray {@code %}) is the client's error: a 400 problem naming
 * {@code query}, logged as one line. Without this filter Tomcat throws from the first {@code
 * getParameter} deep inside Spring MVC, which answered 500 with a stack trace in the log.
 *
 * <p>An {@code Accept} header that cannot be parsed, or that lists more than {@link
 * #MAX_ACCEPTED_TYPES} media types, is a 406 problem: Spring would answer 406 with an empty body,
 * since it cannot negotiate even the problem's own media type with such a header.
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

  /** More media types than any real client sends; parsing more only costs the server. */
  public static final int MAX_ACCEPTED_TYPES = 50;

  private final JsonMapper json;

  public MalformedRequestFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (IllegalStateException | IllegalArgumentException e) {
      log.warn(
          "400 for {} {}: the query string is not valid percent-encoded UTF-8",
          request.getMethod(),
          Problems.echo(request.getRequestURI()));
      String detail =
          "The query string is not valid percent-encoded UTF-8 (a malformed %-escape, an invalid"
              + " or overlong UTF-8 sequence, or a surrogate); encode every parameter as UTF-8.";
      ProblemResponses.write(
          json, request, response, ApiException.invalidParameter("query", detail).toProblem());
      return;
    }
    if (!acceptable(request)) {
      log.warn(
          "406 for {} {}: unparsable Accept header",
          request.getMethod(),
          Problems.echo(request.getRequestURI()));
      ProblemResponses.write(
          json,
          request,
          response,
          Problems.of(
              ProblemType.NOT_ACCEPTABLE,
              ("The Accept header cannot be parsed or lists more than %d media types; ask for"
                      + " application/json or text/csv.")
                  .formatted(MAX_ACCEPTED_TYPES)));
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean acceptable(HttpServletRequest request) {
    List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
    if (accept.isEmpty()) {
      return true;
    }
    try {
      return MediaType.parseMediaTypes(accept).size() <= MAX_ACCEPTED_TYPES;
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException among them
      return false;
    }
  }
}
