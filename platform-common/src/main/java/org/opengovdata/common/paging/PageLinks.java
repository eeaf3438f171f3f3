package org.opengovdata.common.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code links} of a list answer: {@code self}, {@code next}, {@code prev}, {@code first} and
 * {@code last} as relative references (path and query), so they stay right behind the gateway or
 * any other proxy. The client's query string is kept as it was sent; only {@code page} and {@code
 * cursor} are replaced. {@link #header()} mirrors them as an RFC 8288 {@code Link} header.
 *
 * <p>{@code next} follows the keyset cursor whenever the answer has one: it costs the same at any
 * depth, where a numbered page is an {@code OFFSET} the database reads and discards. {@code last}
 * is given only where it is cheap: a numbered page within {@link PageRequest#MAX_OFFSET}.
 */
public record PageLinks(String self, String next, String prev, String first, String last) {

  public PageLinks(String self, String next, String prev) {
    this(self, next, prev, null, null);
  }

  /** Links of a page-numbered answer. */
  public static PageLinks forPage(HttpServletRequest request, PageRequest page, long total) {
    return forPage(request.getRequestURI(), request.getQueryString(), page, total, null);
  }

  /**
   * Links of a page-numbered answer whose {@code next} follows {@code nextCursor} (null: by page
   * number).
   */
  public static PageLinks forPageWithCursor(
      HttpServletRequest request, PageRequest page, long total, String nextCursor) {
    return forPage(request.getRequestURI(), request.getQueryString(), page, total, nextCursor);
  }

  /**
   * Links of a page-numbered answer, from the request's path and raw (still encoded) query string —
   * for callers without a servlet request, such as the reactive gateway.
   */
  public static PageLinks forPage(String path, String rawQuery, PageRequest page, long total) {
    return forPage(path, rawQuery, page, total, null);
  }

  /** Links of a page-numbered answer, from the request's path and raw query string. */
  public static PageLinks forPage(
      String path, String rawQuery, PageRequest page, long total, String nextCursor) {
    List<String> kept = keptParameters(rawQuery);
    boolean more = page.offset() + page.size() < total;
    String next = null;
    if (more) {
      next =
          nextCursor != null
              ? link(path, withCursor(kept, nextCursor))
              : link(path, withPage(kept, page.page() + 1, page.size()));
    }
    String prev = page.page() > 0 ? link(path, withPage(kept, page.page() - 1, page.size())) : null;
    long lastPage = Math.max(0, page.totalPages(total) - 1);
    String last =
        lastPage * page.size() <= PageRequest.MAX_OFFSET
            ? link(path, withPage(kept, (int) lastPage, page.size()))
            : null;
    return new PageLinks(
        link(path, rawQuery), next, prev, link(path, withPage(kept, 0, page.size())), last);
  }

  /** Links of a cursor answer: forward only ({@code prev} and {@code last} are absent). */
  public static PageLinks forCursor(HttpServletRequest request, String nextCursor) {
    return forCursor(request.getRequestURI(), request.getQueryString(), nextCursor);
  }

  /** Links of a cursor answer, from the request's path and raw query string. */
  public static PageLinks forCursor(String path, String rawQuery, String nextCursor) {
    List<String> kept = keptParameters(rawQuery);
    String next = nextCursor == null ? null : link(path, withCursor(kept, nextCursor));
    return new PageLinks(
        link(path, rawQuery), next, null, link(path, String.join("&", kept)), null);
  }

  /** The links by relation type, present ones only, in a stable order. */
  public Map<String, String> byRelation() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self);
    links.put("first", first);
    links.put("prev", prev);
    links.put("next", next);
    links.put("last", last);
    links.values().removeIf(Objects::isNull);
    return links;
  }

  /**
   * The same links as an RFC 8288 {@code Link} header value, e.g. {@code </api/v1/…?page=1>;
   * rel="next"}. The targets are already percent-encoded, so they contain no {@code >}.
   */
  public String header() {
    return byRelation().entrySet().stream()
        .map(link -> "<" + link.getValue() + ">; rel=\"" + link.getKey() + "\"")
        .collect(Collectors.joining(", "));
  }

  private static List<String> keptParameters(String query) {
    List<String> kept = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        if (!name.isEmpty() && !name.equals("page") && !name.equals("cursor")) {
          kept.add(pair);
        }
      }
    }
    return kept;
  }

  private static String withCursor(List<String> kept, String cursor) {
    List<String> parameters = new ArrayList<>(kept);
    parameters.add("cursor=" + cursor);
    return String.join("&", parameters);
  }

  private static String withPage(List<String> kept, int page, int size) {
    List<String> parameters = new ArrayList<>();
    kept.stream().filter(p -> !p.startsWith("size=")).forEach(parameters::add);
    parameters.add("page=" + page);
    parameters.add("size=" + size);
    return String.join("&", parameters);
  }

  private static String link(String path, String query) {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }
}
