package org.opengovdata.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates keys and ids, and hashes keys for storage and lookup. */
final class KeySecrets {

  static final String KEY_PREFIX = "odk_";
  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySecrets() {}

  /** A new key: 256 random bits, URL-safe, recognisable by its prefix. */
  static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A new key id: not secret, safe in logs and URLs. */
  static String newId() {
    StringBuilder id = new StringBuilder("key_");
    for (int i = 0; i < 14; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * One SHA-256 per thread (every keyed request hashes its key to find it in the cache; {@code
   * MessageDigest.getInstance} looks up the security providers each time). {@code digest} resets
   * it, so nothing of one key stays for the next.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  static String hash(String key) {
    return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares without leaking, through timing, how much of a guess was right. */
  static boolean sameKey(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
