package org.opengovdata.common.representation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags computed from what determines a representation (data version, request, media
 * type) rather than from the body, so that a 304 costs no query and a streamed export needs no
 * buffering.
 */
public final class ETags {

  private ETags() {}

  /** A quoted strong ETag over {@code parts}. */
  public static String strong(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part).append('\u001f');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * Whether {@code If-None-Match} matches {@code etag} (RFC 9110 §13.1.2: weak comparison, {@code
   * *} matches any current representation).
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
      return false;
    }
    String wanted = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || opaque(tag).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
