package org.opengovdata.common.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.opengovdata.common.problem.ApiException;

/**
 * The opaque {@code cursor} of keyset pagination: the sort-key values of the last row a client
 * received, bound to the query (filters and sort) it was issued for. A cursor from another query, a
 * truncated or a made-up cursor is a 400 on {@code cursor}, never a wrong page or a 500.
 *
 * <p>Format (base64url, no padding): {@code k1|<query hash>|<value>|<value>…|<crc32>} with each
 * value percent-encoded; the checksum catches truncated or edited cursors. Clients must treat it as
 * opaque.
 */
public final class KeysetCursor {

  public static final String PARAMETER = "cursor";
  private static final String VERSION = "k1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private KeysetCursor() {}

  /**
   * @param query a canonical description of the filters and sort the cursor belongs to
   * @param values the sort-key values of the last row, in sort order (never null)
   */
  public static String encode(String query, List<String> values) {
    String payload =
        VERSION
            + "|"
            + hash(query)
            + "|"
            + values.stream()
                .map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                .collect(Collectors.joining("|"));
    payload = payload + "|" + checksum(payload);
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key values of {@code cursor}; 400 unless it was issued for {@code query} and holds exactly
   * {@code expectedValues} values.
   */
  public static List<String> decode(String cursor, String query, int expectedValues) {
    String payload;
    try {
      payload = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    int last = payload.lastIndexOf('|');
    if (last < 0 || !payload.substring(last + 1).equals(checksum(payload.substring(0, last)))) {
      throw malformed();
    }
    String[] parts = payload.substring(0, last).split("\\|", -1);
    if (parts.length != expectedValues + 2 || !VERSION.equals(parts[0])) {
      throw malformed();
    }
    if (!hash(query).equals(parts[1])) {
      throw ApiException.invalidParameter(
          PARAMETER,
          "this cursor belongs to a query with other filters or another sort; repeat the request"
              + " that returned it with the same parameters");
    }
    try {
      return Arrays.stream(parts, 2, parts.length)
          .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
          .toList();
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  /** The 400 for a cursor whose values do not fit the resource's key (e.g. a year that is "x"). */
  public static ApiException malformed() {
    return ApiException.invalidParameter(
        PARAMETER, "malformed cursor; use the meta.nextCursor of a previous answer unchanged");
  }

  private static String checksum(String payload) {
    CRC32 crc = new CRC32();
    crc.update(payload.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static String hash(String query) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
