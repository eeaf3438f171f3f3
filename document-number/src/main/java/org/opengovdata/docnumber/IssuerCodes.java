package org.opengovdata.docnumber;

import com.github.houbb.opencc4j.core.ZhConvert;
import com.github.houbb.opencc4j.core.impl.ZhConvertBootstrap;
import com.github.houbb.opencc4j.support.segment.impl.Segments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traditional → simplified issuer codes (內政發 → 内政发) with OpenCC's dictionary through opencc4j.
 *
 * <p>Character by character ({@link Segments#chars()}), not by phrase: issuer codes are
 * abbreviations, not words, so phrase segmentation has nothing to work with, and the default phrase
 * segmenter costs seconds of start-up to load its dictionary. OpenCC lists the usual reading first
 * for one-to-many characters (乾 stays 乾, 於 becomes 于). The dictionary is loaded once, when this
 * class is first used (about a second; docs/benchmarks.md).
 */
final class IssuerCodes {

  // Class initialisation is the lock: opencc4j makes its singletons through a factory whose
  // thread-safety it does not document, so the first conversion happens here, once, while any
  // other thread waits.
  private static final ZhConvert CONVERTER = warmedUp();

  private IssuerCodes() {}

  /**
   * Converted codes, because a conversion costs microseconds and a platform sees a few hundred
   * issuer codes over and over. Bounded: once full (input nobody controls can fill it) new codes
   * are converted every time, which is correct, only slower.
   */
  private static final int CACHE_LIMIT = 4096;

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  static String simplified(String issuerCode) {
    String cached = CACHE.get(issuerCode);
    if (cached != null) {
      return cached;
    }
    String converted = CONVERTER.toSimple(issuerCode);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(issuerCode, converted);
    }
    return converted;
  }

  private static ZhConvert warmedUp() {
    ZhConvert converter = ZhConvertBootstrap.newInstance().segment(Segments.chars());
    converter.toSimple("內政發");
    return converter;
  }
}
