package org.opengovdata.docnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.docnumber.DocumentNumber.Form;

/** The value: its parts, its two spellings, its invariants; and the public facade. */
class DocumentNumberTest {

  @Test
  void aBracketedNumberIsSpelledAsGbT9704Says() {
    DocumentNumber number = DocumentNumber.bracketed("内政发", 2024, 12);

    assertThat(number.issuerCode()).isEqualTo("内政发");
    assertThat(number.year()).isEqualTo(2024);
    assertThat(number.serial()).isEqualTo(12);
    assertThat(number.canonical()).isEqualTo("内政发〔2024〕12号");
    assertThat(number.key()).isEqualTo("内政发〔2024〕12号");
    assertThat(number).hasToString("内政发〔2024〕12号");
  }

  @Test
  void theTwoYearFormsAreSpelledDifferentlyButAreTheSameNumber() {
    DocumentNumber announcement = DocumentNumbers.parse("财政厅公告2024年第6号");
    DocumentNumber bracketed = DocumentNumbers.parse("财政厅公告〔2024〕6号");

    assertThat(announcement.canonical()).isEqualTo("财政厅公告2024年第6号");
    assertThat(bracketed.canonical()).isEqualTo("财政厅公告〔2024〕6号");
    assertThat(announcement.key()).isEqualTo(bracketed.key()).isEqualTo("财政厅公告〔2024〕6号");
    assertThat(announcement.sameNumberAs(bracketed)).isTrue();
    assertThat(announcement).isNotEqualTo(bracketed);
  }

  @Test
  void aDecreeWithoutYearIsNotTheSameAsANumberWithOne() {
    DocumentNumber decree = DocumentNumber.ordinal("内蒙古自治区人民政府令", 258);
    DocumentNumber withYear = DocumentNumber.yearOrdinal("内蒙古自治区人民政府令", 2024, 258);

    assertThat(decree.key()).isEqualTo(decree.canonical()).isEqualTo("内蒙古自治区人民政府令第258号");
    assertThat(decree.sameNumberAs(withYear)).isFalse();
  }

  @Test
  void numbersSortByIssuerYearAndSerialNotAsStrings() {
    List<DocumentNumber> numbers =
        new ArrayList<>(
            List.of(
                DocumentNumber.bracketed("内政发", 2024, 12),
                DocumentNumber.bracketed("内政发", 2024, 2),
                DocumentNumber.bracketed("内政发", 2023, 100),
                DocumentNumber.ordinal("内政发", 5)));

    numbers.sort(null);

    assertThat(numbers)
        .extracting(DocumentNumber::canonical)
        .containsExactly("内政发第5号", "内政发〔2023〕100号", "内政发〔2024〕2号", "内政发〔2024〕12号");
  }

  @Test
  void theFactoriesRefuseWhatNoDocumentNumberCanBe() {
    assertThatThrownBy(() -> DocumentNumber.bracketed("", 2024, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("NZF", 2024, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("内政发第", 2024, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("内".repeat(31), 2024, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("内政发", 1948, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("内政发", 2024, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumber.bracketed("内政发", 2024, 1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentNumber("内政发", null, 1, Form.BRACKETED_YEAR))
        .hasMessageContaining("needs a year");
    assertThatThrownBy(() -> new DocumentNumber("内政令", 2024, 1, Form.ORDINAL))
        .hasMessageContaining("has no year");
    assertThatThrownBy(() -> new DocumentNumber(null, 2024, 1, Form.BRACKETED_YEAR))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theFacadeNormalisesWhatPeopleType() {
    assertThat(DocumentNumbers.normalise("內政發［２０２４］第012號")).isEqualTo("内政发〔2024〕12号");
    assertThat(DocumentNumbers.tryParse("内蒙古自治区人民政府令第258号"))
        .map(DocumentNumber::serial)
        .hasValue(258);
    assertThat(DocumentNumbers.tryParse("内政发")).isEmpty();
  }

  @Test
  void theFacadeAcceptsNumbersUpToNextYearInChina() {
    int nextYear = Year.now(ZoneId.of("Asia/Shanghai")).getValue() + 1;

    assertThat(DocumentNumbers.parse("内政发〔" + nextYear + "〕1号").year()).isEqualTo(nextYear);
    assertThat(DocumentNumbers.tryParse("内政发〔" + (nextYear + 1) + "〕1号")).isEmpty();
  }

  @Test
  void simplifiedCharactersWithTraditionalLookalikesAreLeftAlone() {
    // OpenCC maps 乾 to 乾 or 干 by context and 於 to 于; an issuer code is no context, so the
    // usual reading (first in OpenCC's list) must win: 乾 stays, 於 folds.
    assertThat(DocumentNumbers.normalise("乾政发〔2024〕1号")).isEqualTo("乾政发〔2024〕1号");
    assertThat(DocumentNumbers.normalise("後旗政發〔2024〕1號")).isEqualTo("后旗政发〔2024〕1号");
  }
}
