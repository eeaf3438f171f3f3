package org.opengovdata.common.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opengovdata.common.problem.ApiException;

/**
 * The opaque {@code cursor} of keyset pagination ({@code search_after} in search): the sort-key
 * values of the last row a client received, bound to the query (filters and sort) it was issued
 * for, and signed with HMAC-SHA256 under a key derived from the platform secret. A cursor from
 * another query, a truncated, edited or made-up cursor is a 400 on {@code cursor} before anything
 * reaches a database — never a wrong page, a slow query or a 500.
 *
 * <p>Format: base64url of {@code c1|<query hash>|<value>|<value>…} (each value percent-encoded), a
 * dot, base64url of the first 16 bytes of the MAC. Clients must treat it as opaque. The one
 * implementation for every service (catalog keysets, search {@code search_after}).
 */
public final class KeysetCursor {

  public static final String PARAMETER = "cursor";

  /** The longest cursor accepted: far above any real one, so decoding stays cheap. */
  public static final int MAX_LENGTH = 4096;

  private static final String VERSION = "c1";
  private static final int MAC_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  private KeysetCursor(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * Cursors signed with a key of their own derived from {@code secret} (the platform's {@code
   * JWT_SECRET}) and {@code purpose}: a cursor MAC is never a token MAC, and a cursor of one
   * service's lists is not accepted by another's.
   */
  public static KeysetCursor signedWith(String secret, String purpose) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("cursors need the platform secret (JWT_SECRET)");
    }
    byte[] derived = hmac(secret.getBytes(StandardCharsets.UTF_8), "keyset-cursor|" + purpose);
    return new KeysetCursor(new SecretKeySpec(derived, ALGORITHM));
  }

  /**
   * @param query a canonical description of the filters and sort the cursor belongs to
   * @param values the sort-key values of the last row, in sort order (never null)
   */
  public String encode(String query, List<String> values) {
    StringBuilder payload = new StringBuilder(VERSION).append('|').append(hash(query));
    for (String value : values) {
      payload.append('|').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /**
   * The key values of {@code cursor}; 400 unless this service signed it for {@code query} and it
   * holds exactly {@code expectedValues} values. The values are still text: the caller parses and
   * range-checks them against its columns.
   */
  public List<String> decode(String cursor, String query, int expectedValues) {
    if (cursor == null || cursor.length() > MAX_LENGTH) {
      throw malformed();
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0) {
      throw malformed();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(cursor.substring(0, dot));
      signature = DECODER.decode(cursor.substring(dot + 1));
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
          "this cursor belongs to a request with other parameters (other filters or another"
              + " sort); repeat the request that returned it with the same parameters");
    }
    try {
      return Arrays.stream(parts, 2, parts.length)
          .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
          .toList();
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  /** The 400 for a cursor that is not one this service issued, or whose values do not fit. */
  public static ApiException malformed() {
    return ApiException.invalidParameter(
        PARAMETER,
        "malformed or altered cursor; use the meta.nextCursor of a previous answer unchanged");
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
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
