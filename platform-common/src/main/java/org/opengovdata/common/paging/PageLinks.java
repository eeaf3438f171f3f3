package org.opengovdata.common.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code links} of a list answer: {@code self}, {@code next}, {@code prev} as relative references
 * (path and query), so they stay right behind the gateway or any other proxy. The client's query
 * string is kept as it was sent; only {@code page} and {@code cursor} are replaced.
 */
public record PageLinks(String self, String next, String prev) {

  /** Links of a page-numbered answer. */
  public static PageLinks forPage(HttpServletRequest request, PageRequest page, long total) {
    return forPage(request.getRequestURI(), request.getQueryString(), page, total);
  }

  /**
   * Links of a page-numbered answer, from the request's path and raw (still encoded) query string —
   * for callers without a servlet request, such as the reactive gateway.
   */
  public static PageLinks forPage(String path, String rawQuery, PageRequest page, long total) {
    List<String> kept = keptParameters(rawQuery);
    String self = link(path, rawQuery);
    String next =
        page.offset() + page.size() < total
            ? link(path, withPage(kept, page.page() + 1, page.size()))
            : null;
    String prev = page.page() > 0 ? link(path, withPage(kept, page.page() - 1, page.size())) : null;
    return new PageLinks(self, next, prev);
  }

  /** Links of a cursor answer: forward only ({@code prev} is absent). */
  public static PageLinks forCursor(HttpServletRequest request, String nextCursor) {
    return forCursor(request.getRequestURI(), request.getQueryString(), nextCursor);
  }

  /** Links of a cursor answer, from the request's path and raw query string. */
  public static PageLinks forCursor(String path, String rawQuery, String nextCursor) {
    List<String> kept = keptParameters(rawQuery);
    String next = null;
    if (nextCursor != null) {
      List<String> parameters = new ArrayList<>(kept);
      parameters.add("cursor=" + nextCursor);
      next = link(path, String.join("&", parameters));
    }
    return new PageLinks(link(path, rawQuery), next, null);
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
