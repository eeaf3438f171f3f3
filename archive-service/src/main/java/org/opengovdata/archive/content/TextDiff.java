package org.opengovdata.archive.content;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Unified diffs of text content (java-diff-utils); binary content has no text diff. */
final class TextDiff {

  private TextDiff() {}

  /** The bytes as UTF-8 text, or empty when they are not text (invalid UTF-8 or NUL bytes). */
  static Optional<String> asText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static String unified(String fromName, String from, String toName, String to) {
    List<String> a = lines(from);
    List<String> b = lines(to);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, patch, 3);
    return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\\R", -1));
  }
}
