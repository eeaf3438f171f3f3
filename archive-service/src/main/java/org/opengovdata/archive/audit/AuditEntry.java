package org.opengovdata.archive.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One entry of the audit log. Its hash covers the previous entry's hash and every field, so
 * changing, removing or inserting an entry breaks the chain from that point on.
 */
public record AuditEntry(
    long sequence,
    Instant at,
    String actor,
    String role,
    String action,
    UUID recordId,
    String detail,
    String previousHash,
    String hash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * SHA-256 over the previous hash and the fields, each length-prefixed so none can bleed into the
   * next.
   */
  public static String hashOf(
      long sequence,
      Instant at,
      String actor,
      String role,
      String action,
      UUID recordId,
      String detail,
      String previousHash) {
    StringBuilder text = new StringBuilder(previousHash);
    for (String field :
        new String[] {
          Long.toString(sequence),
          at.toString(),
          actor,
          role,
          action,
          recordId == null ? null : recordId.toString(),
          detail
        }) {
      text.append('|');
      if (field == null) {
        text.append('-');
      } else {
        text.append(field.length()).append(':').append(field);
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Whether this entry's stored hash matches its content. */
  public boolean hashMatches() {
    return hash.equals(hashOf(sequence, at, actor, role, action, recordId, detail, previousHash));
  }
}
