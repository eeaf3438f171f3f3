package org.opengovdata.catalog.policy.screening;

import java.util.Objects;

/**
 * One piece of personal data found in a text, located so the publisher can fix it. It carries the
 * masked value only: findings end up in problem details and logs, which must not repeat the data
 * they warn about.
 *
 * @param kind what was found
 * @param offset where it starts, as a Java string index (UTF-16 code units, 0-based; JavaScript
 *     counts the same way)
 * @param length how many code units it spans (with any spaces, dashes or +86 inside it)
 * @param line 1-based line ({@code \n}, {@code \r\n} and {@code \r} end lines)
 * @param column 1-based column, in characters (code points)
 * @param masked the value as {@link PersonalDataScreening#redact(String)} writes it, e.g. {@code
 *     1501**********1234}, {@code 138****5678}
 */
public record PersonalDataFinding(
    Kind kind, int offset, int length, int line, int column, String masked) {

  /** The kinds of personal data screened for. */
  public enum Kind {
    /** 居民身份证号码: 18 characters, GB 11643-1999, valid check digit. */
    RESIDENT_ID_NUMBER("居民身份证号码"),
    /** 手机号码: mainland mobile number, 11 digits starting 13–19. */
    MOBILE_NUMBER("手机号码");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The Chinese name, for messages to publishers. */
    public String label() {
      return label;
    }
  }

  public PersonalDataFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(masked, "masked");
    if (offset < 0 || length <= 0 || line < 1 || column < 1) {
      throw new IllegalArgumentException("not a position in a text");
    }
  }

  /** One past the last code unit: {@code text.substring(offset(), end())} is the finding. */
  public int end() {
    return offset + length;
  }

  /** For a problem detail: {@code 居民身份证号码 1501**********1234 at line 3, column 12}. */
  public String describe() {
    return kind.label() + " " + masked + " at line " + line + ", column " + column;
  }
}
