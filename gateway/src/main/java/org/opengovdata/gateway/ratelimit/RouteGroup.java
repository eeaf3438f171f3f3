package org.opengovdata.gateway.ratelimit;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The kinds of traffic that get separate rate limits. */
public enum RouteGroup {
  /** Ordinary reads of data and metadata. */
  READ,
  /** Full-text, document-number and date search. */
  SEARCH,
  /** Bulk downloads: CSV exports. */
  BULK,
  /** Anything that changes state. */
  WRITE,
  /** Self-service key requests. */
  SIGNUP;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RouteGroup of(ServerHttpRequest request) {
    String path = request.getPath().value();
    HttpMethod method = request.getMethod();
    if (HttpMethod.POST.equals(method) && "/api/v1/keys".equals(path)) {
      return SIGNUP;
    }
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return WRITE;
    }
    if (wantsCsv(request)) {
      return BULK;
    }
    return path.startsWith("/api/v1/search/") ? SEARCH : READ;
  }

  private static boolean wantsCsv(ServerHttpRequest request) {
    if ("csv".equalsIgnoreCase(request.getQueryParams().getFirst("format"))) {
      return true;
    }
    List<MediaType> accept = request.getHeaders().getAccept();
    return accept.stream()
        .anyMatch(
            type ->
                type.isCompatibleWith(MediaType.parseMediaType("text/csv"))
                    && !type.isWildcardType());
  }
}
