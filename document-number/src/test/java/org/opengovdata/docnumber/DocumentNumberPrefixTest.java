package org.opengovdata.docnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengovdata.docnumber.InvalidDocumentNumberException.Code;

/** Partial numbers for search, and telling a number from words in a search box. */
class DocumentNumberPrefixTest {

  private final DocumentNumberParser parser = new DocumentNumberParser(() -> 2026);

  static Stream<Arguments> prefixes() {
    return Stream.of(
        arguments("内政发〔2024〕", "内政发", 2024, "内政发〔2024〕"),
        arguments("内政发[2024]", "内政发", 2024, "内政发〔2024〕"),
        arguments("内政发（２０２４）", "内政发", 2024, "内政发〔2024〕"),
        arguments(" 内政发 ( 2024 ) ", "内政发", 2024, "内政发〔2024〕"),
        arguments("内政发〔2024", "内政发", 2024, "内政发〔2024〕"),
        arguments("内政发〔2024〕第", "内政发", 2024, "内政发〔2024〕"),
        arguments("內政辦發〔2023〕", "内政办发", 2023, "内政办发〔2023〕"),
        arguments("财政厅公告2024年", "财政厅公告", 2024, "财政厅公告〔2024〕"),
        arguments("财政厅公告2024年第", "财政厅公告", 2024, "财政厅公告〔2024〕"),
        arguments("内政发2024", "内政发", 2024, "内政发〔2024〕"),
        arguments("内政发", "内政发", null, "内政发"),
        arguments("內政發", "内政发", null, "内政发"),
        arguments("内政发〔", "内政发", null, "内政发"),
        arguments("内蒙古自治区人民政府令第", "内蒙古自治区人民政府令", null, "内蒙古自治区人民政府令"));
  }

  @ParameterizedTest(name = "{0} → {3}")
  @MethodSource("prefixes")
  void partialNumbersKeepIssuerAndYear(
      String typed, String issuer, Integer year, String canonical) {
    DocumentNumberPrefix prefix = parser.parsePrefix(typed);

    assertThat(prefix.issuerCode()).isEqualTo(issuer);
    assertThat(prefix.year()).isEqualTo(year);
    assertThat(prefix.canonical()).isEqualTo(canonical);
    assertThat(parser.parseQuery(typed)).isEqualTo(prefix);
  }

  @Test
  void aPrefixWithAYearIsAStringPrefixOfTheKeysOfExactlyItsNumbers() {
    DocumentNumberPrefix prefix = parser.parsePrefix("财政厅公告（2024）");

    for (String number : new String[] {"财政厅公告2024年第6号", "财政厅公告〔2024〕12号"}) {
      DocumentNumber n = parser.parse(number);
      assertThat(prefix.matches(n)).as(number).isTrue();
      assertThat(n.key()).as(number).startsWith(prefix.canonical());
    }
    for (String number : new String[] {"财政厅公告2023年第6号", "财政厅公告电〔2024〕1号", "财政厅〔2024〕1号"}) {
      DocumentNumber n = parser.parse(number);
      assertThat(prefix.matches(n)).as(number).isFalse();
      assertThat(n.key()).as(number).doesNotStartWith(prefix.canonical());
    }
  }

  @Test
  void anIssuerOnlyPrefixMatchesEveryYearOfThatIssuerAndNoLongerCode() {
    DocumentNumberPrefix prefix = parser.parsePrefix("内政发");

    assertThat(prefix.matches(parser.parse("内政发〔2019〕3号"))).isTrue();
    assertThat(prefix.matches(parser.parse("内政发第3号"))).isTrue();
    assertThat(prefix.matches(parser.parse("内政发电〔2019〕3号"))).isFalse();
  }

  @Test
  void aWholeNumberIsNotAPrefixButIsAQuery() {
    InvalidDocumentNumberException e =
        catchThrowableOfType(
            InvalidDocumentNumberException.class, () -> parser.parsePrefix("内政发〔2024〕12号"));

    assertThat(e.reason()).contains("whole document number");
    assertThat(parser.parseQuery("内政发〔2024〕12号"))
        .isEqualTo(DocumentNumber.bracketed("内政发", 2024, 12));
    assertThat(DocumentNumbers.tryParsePrefix("内政发〔2024〕12号")).isEmpty();
  }

  @Test
  void aPartialNumberWithABadYearSaysWhy() {
    InvalidDocumentNumberException e =
        catchThrowableOfType(
            InvalidDocumentNumberException.class, () -> parser.parseQuery("内政发〔0999〕"));

    assertThat(e.code()).isEqualTo(Code.YEAR_OUT_OF_RANGE);
    assertThat(DocumentNumbers.tryParsePrefix("〔2024〕")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "内政发〔2024〕12号",
        "內政發[2024]12號",
        "内政发（2024）12",
        "财政厅公告2024年第6号",
        "内蒙古自治区人民政府令第258号",
        "国务院令708号",
        "内政发〔2024〕",
        "内政发(2024",
        // written like a number, wrong in a value: parseQuery explains what
        "内政发〔0999〕12号",
        "内政发〔24〕12号",
        "内政发12号"
      })
  void numbersLookLikeNumbers(String text) {
    assertThat(DocumentNumbers.looksLikeDocumentNumber(text)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "内政发",
        "内蒙古自治区财政预算",
        "预算2024年",
        "2024年预算",
        "内政发2024",
        "12号",
        "〔2024〕12号",
        "关于印发内政发〔2024〕12号的通知",
        "budget 2024",
        "   "
      })
  void wordsDoNotLookLikeNumbers(String text) {
    assertThat(DocumentNumbers.looksLikeDocumentNumber(text)).isFalse();
  }

  @Test
  void veryLongTextDoesNotLookLikeANumber() {
    assertThat(DocumentNumbers.looksLikeDocumentNumber("内政发〔2024〕12号" + " ".repeat(100))).isFalse();
  }
}
