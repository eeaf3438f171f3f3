package org.opengovdata.docnumber;

import com.github.houbb.opencc4j.core.ZhConvert;
import com.github.houbb.opencc4j.core.impl.ZhConvertBootstrap;
import com.github.houbb.opencc4j.support.segment.impl.Segments;

/**
 * Traditional → simplified issuer codes (內政發 → 内政发) with OpenCC's dictionary through opencc4j.
 *
 * <p>Character by character ({@link Segments#chars()}), not by phrase: issuer codes are
 * abbreviations, not words, so phrase segmentation has nothing to work with, and the default phrase
 * segmenter costs seconds of start-up to load its dictionary. OpenCC lists the usual reading first
 * for one-to-many characters (乾 stays 乾, 於 becomes 于). The dictionary is loaded once, when this
 * class is first used (about half a second; see the README).
 */
final class IssuerCodes {

  // Class initialisation is the lock: opencc4j loads its maps lazily and not thread-safely, so
  // the first conversion happens here, once, before any caller can share the converter.
  private static final ZhConvert CONVERTER = warmedUp();

  private IssuerCodes() {}

  static String simplified(String issuerCode) {
    return CONVERTER.toSimple(issuerCode);
  }

  private static ZhConvert warmedUp() {
    ZhConvert converter = ZhConvertBootstrap.newInstance().segment(Segments.chars());
    converter.toSimple("內政發");
    return converter;
  }
}
