package org.opengovdata.search.policy.query;

import java.util.ArrayList;
import java.util.List;
import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The opaque {@code cursor} of document search: the sort values of the last hit ({@code
 * search_after}), bound to the query it was issued for and signed — platform-common's {@link
 * KeysetCursor} (HMAC-SHA256 with a key derived from the platform secret), so that a client can
 * neither forge a position nor reuse a cursor with other filters. Anything else is a 400 on {@code
 * cursor}.
 *
 * <p>Elasticsearch's sort values are typed, so each is tagged before signing: {@code d:} (double,
 * the score), {@code l:} (long, a date), {@code s:} (string, the id) or {@code n:} (null).
 */
@Component
public class SearchCursors {

  public static final String PARAMETER = KeysetCursor.PARAMETER;

  private final KeysetCursor cursors;

  @Autowired
  public SearchCursors(IdentityTokenProperties secrets) {
    this(secrets.secret());
  }

  SearchCursors(String secret) {
    this.cursors = KeysetCursor.signedWith(secret, "search-documents");
  }

  /**
   * @param query canonical description of the query (filters, text, sort; not page or size)
   * @param values sort values of the last hit, as Elasticsearch returned them
   */
  public String encode(String query, List<Object> values) {
    return cursors.encode(query, values.stream().map(SearchCursors::tag).toList());
  }

  /** The sort values of a cursor issued for {@code query}; 400 for anything else. */
  public List<Object> decode(String cursor, String query, int expectedValues) {
    List<Object> values = new ArrayList<>();
    for (String tagged : cursors.decode(cursor, query, expectedValues)) {
      values.add(untag(tagged));
    }
    return values;
  }

  private static String tag(Object value) {
    if (value == null) {
      return "n:";
    }
    if (value instanceof Double || value instanceof Float) {
      return "d:" + Double.toString(((Number) value).doubleValue());
    }
    if (value instanceof Long || value instanceof Integer) {
      return "l:" + ((Number) value).longValue();
    }
    return "s:" + value;
  }

  private static Object untag(String tagged) {
    try {
      return switch (tagged.substring(0, 2)) {
        case "n:" -> null;
        case "d:" -> Double.parseDouble(tagged.substring(2));
        case "l:" -> Long.parseLong(tagged.substring(2));
        case "s:" -> tagged.substring(2);
        default -> throw KeysetCursor.malformed();
      };
    } catch (RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw KeysetCursor.malformed();
    }
  }
}
