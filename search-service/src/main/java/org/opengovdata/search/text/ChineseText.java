package org.opengovdata.search.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
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

  /** NFKC, then simplified characters; {@code null} stays {@code null}. */
  public String fold(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return ZhConverterUtil.toSimple(normalised);
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
