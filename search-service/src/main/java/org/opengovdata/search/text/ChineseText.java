package org.opengovdata.search.text;

import com.github.houbb.opencc4j.support.data.Data;
import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * How the service reads Chinese text, the same way on write and on query (DESIGN.md
 * "search-service"): Elasticsearch here has no analysis plugins, so words are found in the service.
 *
 * <ul>
 *   <li>{@link #fold} — one script and one width: NFKC (full-width letters and digits become ASCII,
 *       compatibility ideographs become the unified ones), then traditional → simplified with
 *       opencc4j (Inner Mongolia's own documents are simplified, so a query in 繁體 finds them).
 *   <li>{@link #words} — Lucene's {@link SmartChineseAnalyzer} (HMM word segmentation, the
 *       algorithm of Elastic's smartcn plugin): {@code 关于做好财政预算公开工作} → {@code 关于 做好 财政 预算 公开 工作},
 *       indexed into whitespace-analyzed {@code *.words} fields.
 * </ul>
 *
 * Thread-safe: Lucene analyzers keep per-thread token streams.
 */
@Component
public class ChineseText {

  private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

  /**
   * Every character that opencc4j's traditional → simplified conversion can change: a character
   * whose first simplified form is another character, and in a phrase the characters that differ
   * from the phrase's simplified form (all of a phrase whose length changes). {@code toSimple} only
   * replaces dictionary keys by their first value, so text without any of these characters comes
   * out unchanged, and folding skips the converter for it: most documents here are simplified
   * already, and the converter's phrase matching is the costly part of folding.
   */
  private static final BitSet CHANGEABLE_BMP = new BitSet(0x10000);

  private static final Set<Integer> CHANGEABLE_SUPPLEMENTARY = new HashSet<>();

  static {
    for (Data data : List.of(OpenccDatas.tsChar(), OpenccDatas.tsPhrase())) {
      data.data()
          .getDataMap()
          .forEach(
              (key, values) -> {
                String value = values == null || values.isEmpty() ? "" : values.get(0);
                int[] k = key.codePoints().toArray();
                int[] v = value.codePoints().toArray();
                for (int i = 0; i < k.length; i++) {
                  if (k.length != v.length || k[i] != v[i]) {
                    markChangeable(k[i]);
                  }
                }
              });
    }
  }

  private static void markChangeable(int codePoint) {
    if (codePoint < 0x10000) {
      CHANGEABLE_BMP.set(codePoint);
    } else {
      CHANGEABLE_SUPPLEMENTARY.add(codePoint);
    }
  }

  /** NFKC, then simplified characters; {@code null} stays {@code null}. */
  public String fold(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return mayHaveTraditional(normalised) ? ZhConverterUtil.toSimple(normalised) : normalised;
  }

  /** Whether the traditional → simplified conversion could change any character of the text. */
  static boolean mayHaveTraditional(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        if (CHANGEABLE_SUPPLEMENTARY.contains(text.codePointAt(i))) {
          return true;
        }
        i++;
      } else if (CHANGEABLE_BMP.get(c)) {
        return true;
      }
    }
    return false;
  }

  /** The words of already {@linkplain #fold folded} text, separated by single spaces. */
  public String words(String folded) {
    if (folded == null || folded.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder(folded.length() + folded.length() / 2);
    try (TokenStream tokens = analyzer.tokenStream("", folded)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(term.buffer(), 0, term.length());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("segmenting text in memory cannot fail", e);
    }
    return out.toString();
  }

  /** The words of already folded text, as a list (for queries). */
  public List<String> wordList(String folded) {
    String words = words(folded);
    return words.isEmpty() ? List.of() : new ArrayList<>(List.of(words.split(" ")));
  }
}
