package org.opengovdata.search.policy.query;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.springframework.stereotype.Component;

/**
 * The opaque {@code cursor} of document search: the sort values of the last hit ({@code
 * search_after}), bound to the query it was issued for, and signed (HMAC-SHA256 with a key derived
 * from the platform secret), so that a client can neither forge a position nor reuse a cursor with
 * other filters. Anything else is a 400 on {@code cursor}.
 *
 * <p>Format: base64url of {@code s1|<query hash>|<tagged value>|…}, a dot, base64url of the first
 * 16 bytes of the MAC. Values are tagged {@code d:} (double, the score), {@code l:} (long, a date),
 * {@code s:} (string, the id) or {@code n:} (null).
 */
@Component
public class SearchCursors {

  public static final String PARAMETER = "cursor";
  private static final String VERSION = "s1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  @org.springframework.beans.factory.annotation.Autowired
  public SearchCursors(IdentityTokenProperties secrets) {
    this(secrets.secret());
  }

  SearchCursors(String secret) {
    // a key of its own, derived from the platform secret: a cursor MAC is never a token MAC
    this.key =
        new SecretKeySpec(
            hmac(secret.getBytes(StandardCharsets.UTF_8), "search-cursor-v1"), "HmacSHA256");
  }

  /**
   * @param query canonical description of the query (filters, text, sort; not page or size)
   * @param values sort values of the last hit, as Elasticsearch returned them
   */
  public String encode(String query, List<Object> values) {
    StringBuilder payload = new StringBuilder(VERSION).append('|').append(hash(query));
    for (Object value : values) {
      payload.append('|').append(URLEncoder.encode(tag(value), StandardCharsets.UTF_8));
    }
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
  }

  /** The sort values of a cursor issued for {@code query}; 400 for anything else. */
  public List<Object> decode(String cursor, String query, int expectedValues) {
    int dot = cursor.indexOf('.');
    if (dot <= 0) {
      throw malformed();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = B64D.decode(cursor.substring(0, dot));
      signature = B64D.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw malformed();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != expectedValues + 2 || !VERSION.equals(parts[0])) {
      throw malformed();
    }
    if (!hash(query).equals(parts[1])) {
      throw ApiException.invalidParameter(
          PARAMETER,
          "this cursor belongs to a search with other parameters; repeat the request that returned"
              + " it with the same q, filters and sort");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 2; i < parts.length; i++) {
      values.add(untag(URLDecoder.decode(parts[i], StandardCharsets.UTF_8)));
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
        default -> throw malformed();
      };
    } catch (RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw malformed();
    }
  }

  private static ApiException malformed() {
    return ApiException.invalidParameter(
        PARAMETER,
        "malformed or altered cursor; use the meta.nextCursor of a previous answer unchanged");
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal(payload);
      return java.util.Arrays.copyOf(full, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static String hash(String query) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
