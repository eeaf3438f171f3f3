package org.opengovdata.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovdata.common.problem.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An unknown query parameter is a 400 naming it: a misspelt filter ({@code regoin=150600}) must not
 * silently return everything. Known = the operation's {@code @RequestParam}s in the generated
 * interface, plus {@code api_key} (the gateway's alternative to the {@code X-API-Key} header).
 */
class KnownParameters implements HandlerInterceptor {

  private static final Set<String> ALWAYS = Set.of("api_key");

  private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
      return true;
    }
    Set<String> names = known.computeIfAbsent(method, KnownParameters::requestParams);
    for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
      if (!names.contains(name) && !ALWAYS.contains(name) && inQuery(request, name)) {
        throw ApiException.invalidParameter(
            name, "'%s' is not a parameter of this operation; known: %s".formatted(name, names));
      }
    }
    return true;
  }

  /** Form fields of a multipart body are parameters too, but not query parameters. */
  private static boolean inQuery(HttpServletRequest request, String name) {
    String query = "&" + request.getQueryString();
    return query.contains("&" + name + "=")
        || query.contains("&" + name + "&")
        || query.endsWith("&" + name);
  }

  private static Set<String> requestParams(HandlerMethod method) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        names.add(param.name().isEmpty() ? param.value() : param.name());
      }
    }
    return Set.copyOf(names);
  }
}
