package org.opengovdata.gateway.ratelimit;

import java.util.List;
import java.util.Locale;
import org.opengovdata.common.representation.Representations;
import org.springframework.http.HttpHeaders;
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

  private static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON, Representations.TEXT_CSV);

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

  /** Charged as bulk exactly when the service will answer CSV (same negotiation). */
  private static boolean wantsCsv(ServerHttpRequest request) {
    MediaType explicit =
        "csv".equalsIgnoreCase(request.getQueryParams().getFirst("format"))
            ? Representations.TEXT_CSV
            : null;
    MediaType chosen =
        Representations.choose(
            explicit, request.getHeaders().getFirst(HttpHeaders.ACCEPT), OFFERED);
    return Representations.TEXT_CSV.equalsTypeAndSubtype(chosen);
  }
}
