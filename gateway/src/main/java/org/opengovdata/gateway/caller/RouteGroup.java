package org.opengovdata.gateway.caller;

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
  /** Bulk downloads: CSV and JSON Lines exports. */
  BULK,
  /** Anything that changes state. */
  WRITE,
  /** Self-service key requests. */
  SIGNUP;

  static final String SIGNUP_PATH = "/api/v1/keys";
  private static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON, Representations.TEXT_CSV, MediaType.APPLICATION_NDJSON);

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RouteGroup of(ServerHttpRequest request) {
    return classify(
        request.getMethod(),
        request.getPath().value(),
        request.getQueryParams().getOrDefault("format", List.of()),
        request.getHeaders().getFirst(HttpHeaders.ACCEPT));
  }

  /**
   * The group of a request.
   *
   * @param formats every (decoded) value of the {@code format} query parameter
   * @param accept the {@code Accept} header, or null
   */
  public static RouteGroup classify(
      HttpMethod method, String path, List<String> formats, String accept) {
    if (HttpMethod.POST.equals(method) && SIGNUP_PATH.equals(path)) {
      return SIGNUP;
    }
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return WRITE;
    }
    if (wantsCsv(formats, accept)) {
      return BULK;
    }
    return path.startsWith("/api/v1/search/") ? SEARCH : READ;
  }

  /**
   * Charged as bulk whenever the service could answer every row (CSV or JSON Lines): a {@code
   * format} value that is {@code csv} or {@code jsonl} after the trimming the service's parameter
   * binding applies (any case, any surrounding white space or control characters, any one of
   * repeated values), or an {@code Accept} header that negotiates CSV. When in doubt the request is
   * charged as bulk, never as a cheaper read.
   */
  private static boolean wantsCsv(List<String> formats, String accept) {
    if (formats.stream().anyMatch(RouteGroup::namesCsv)) {
      return true;
    }
    try {
      MediaType chosen = Representations.choose(null, accept, OFFERED);
      return Representations.TEXT_CSV.equalsTypeAndSubtype(chosen)
          || MediaType.APPLICATION_NDJSON.equalsTypeAndSubtype(chosen);
    } catch (IllegalArgumentException unparsable) {
      // the service rejects such an Accept header, or ignores it and answers JSON
      return false;
    }
  }

  static boolean namesCsv(String format) {
    if (format == null) {
      return false;
    }
    String name = format.trim().strip().toLowerCase(Locale.ROOT);
    return name.contains("csv") || name.contains("jsonl");
  }
}
