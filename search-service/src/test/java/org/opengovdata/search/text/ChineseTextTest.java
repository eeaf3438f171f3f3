package org.opengovdata.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.search.support.Corpus;

class ChineseTextTest {

  private final ChineseText text = new ChineseText();

  @Test
  void foldingMakesTraditionalSimplifiedAndFullWidthHalfWidth() {
    assertThat(text.fold("財政預算公開")).isEqualTo("财政预算公开");
    assertThat(text.fold("内政发〔２０２４〕１２号")).isEqualTo("内政发〔2024〕12号");
    assertThat(text.fold("ＡＢＣ")).isEqualTo("ABC");
    assertThat(text.fold(null)).isNull();
  }

  @Test
  void theTraditionalCorpusFoldsToTheSimplifiedOne() {
    String folded = text.fold(Corpus.traditional());
    String simplified = text.fold(Corpus.simplified());
    assertThat(folded).hasSameSizeAs(simplified);
    int differences = 0;
    for (int i = 0; i < folded.length(); i++) {
      if (folded.charAt(i) != simplified.charAt(i)) {
        differences++;
      }
    }
    // two converters (opencc-js made the corpus, opencc4j folds here) disagree on a few characters
    assertThat(differences).isLessThan(folded.length() / 200);
  }

  @Test
  void skippingTheConverterNeverChangesTheResult() {
    // the fast path (no character the converter can change) must give exactly what opencc4j gives
    int skipped = 0;
    int sentences = 0;
    for (String corpus : List.of(Corpus.simplified(), Corpus.traditional())) {
      for (String sentence : corpus.split("[。\n]")) {
        String normalised =
            java.text.Normalizer.normalize(sentence, java.text.Normalizer.Form.NFKC);
        assertThat(text.fold(sentence))
            .isEqualTo(com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(normalised));
        sentences++;
        if (!ChineseText.mayHaveTraditional(normalised)) {
          skipped++;
        }
      }
    }
    // the fast path is taken (by most simplified sentences)
    assertThat(skipped).isGreaterThan(sentences / 4);
    assertThat(ChineseText.mayHaveTraditional("財")).isTrue();
    assertThat(ChineseText.mayHaveTraditional("瞭解")).isTrue();
    assertThat(ChineseText.mayHaveTraditional("财政预算公开")).isFalse();
  }

  @Test
  void segmentationFindsWords() {
    List<String> words = text.wordList(text.fold("关于做好2024年财政预算公开工作的通知"));
    assertThat(words).contains("关于", "2024", "财政", "预算", "公开", "工作", "通知");
    assertThat(text.words(" ")).isEmpty();
  }

  @Test
  void queryAndDocumentAreSegmentedAlike() {
    String document = text.words(text.fold("加強政務公開工作"));
    String query = text.words(text.fold("加强政务公开"));
    assertThat(document).contains(query);
  }

  @Test
  void noisyInputIsSegmentedWithoutFailing() {
    // the corpus carries garbled bytes (e.g. "?qū"); they must not break segmentation
    String words = text.words(text.fold(Corpus.traditional()));
    assertThat(words.split(" ").length).isGreaterThan(10_000);
  }
}
