package org.opengovdata.common.params;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link QueryParameters} to every controller method: the accepted names are the
 * {@code @RequestParam}s of the handler method (for our controllers: the generated API interface,
 * i.e. the spec). A handler that takes all parameters as a map, or that declares none as
 * {@code @RequestParam} but reads them otherwise (Boot's error page, the actuator: code outside
 * {@code org.opengovdata}), is left alone; so are error and forward dispatches.
 */
class UnknownParameterInterceptor implements HandlerInterceptor {

  /** null: the handler is not checked. */
  private final Map<HandlerMethod, Accepted> accepted = new ConcurrentHashMap<>();

  private record Accepted(Set<String> names) {}

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getDispatcherType() == DispatcherType.REQUEST
        && request.getQueryString() != null
        && handler instanceof HandlerMethod method) {
      Accepted names = accepted.computeIfAbsent(method, UnknownParameterInterceptor::acceptedBy);
      if (names.names() != null) {
        QueryParameters.check(queryParameterNames(request), names.names());
      }
    }
    return true;
  }

  /** Names in the query string only: form fields of a body are not query parameters. */
  private static Set<String> queryParameterNames(HttpServletRequest request) {
    Set<String> names = new TreeSet<>();
    for (String pair : request.getQueryString().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String raw = equals < 0 ? pair : pair.substring(0, equals);
      names.add(decode(raw));
    }
    return names;
  }

  /** As the servlet container decodes names; a malformed escape stays as written. */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }

  private static Accepted acceptedBy(HandlerMethod method) {
    if (!method.getBeanType().getPackageName().startsWith("org.opengovdata.")
        || ErrorController.class.isAssignableFrom(method.getBeanType())) {
      return new Accepted(null);
    }
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      String name = !param.name().isEmpty() ? param.name() : param.value();
      if (name.isEmpty() || Map.class.isAssignableFrom(parameter.getParameterType())) {
        return new Accepted(null);
      }
      names.add(name);
    }
    return new Accepted(Set.copyOf(names));
  }
}
