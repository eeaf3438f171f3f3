package org.opengovdata.docnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.EMPTY;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_ISSUER;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_SERIAL;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.INVALID_YEAR;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_ISSUER;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_SERIAL;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.NO_YEAR;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.TOO_LONG;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.UNEXPECTED_TEXT;
import static org.opengovdata.docnumber.InvalidDocumentNumberException.Code.YEAR_OUT_OF_RANGE;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengovdata.docnumber.InvalidDocumentNumberException.Code;

/** Invalid input is rejected with a stable code and a reason a person can act on. */
class InvalidDocumentNumberTest {

  private final DocumentNumberParser parser = new DocumentNumberParser(() -> 2026);

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(null, EMPTY, "missing"),
        arguments("", EMPTY, "empty"),
        arguments("   ", EMPTY, "empty"),
        arguments("\u3000\u00a0\u200b", EMPTY, "empty"),
        arguments("内".repeat(101), TOO_LONG, "longer than 100"),
        arguments("〔2024〕12号", NO_ISSUER, "no issuer code"),
        arguments("[2024]12", NO_ISSUER, "no issuer code"),
        arguments("2024年第6号", NO_ISSUER, "no issuer code"),
        arguments("第258号", NO_ISSUER, "before 第"),
        arguments("12号", NO_ISSUER, "no issuer code"),
        arguments("内政发", NO_SERIAL, "year and serial are missing"),
        arguments("内政发〔2024〕", NO_SERIAL, "no serial after the year 2024"),
        arguments("内政发〔2024〕号", NO_SERIAL, "no serial after the year 2024"),
        arguments("内政发〔2024〕第", NO_SERIAL, "no serial"),
        arguments("内政发（2024", NO_SERIAL, "no serial"),
        arguments("财政厅公告2024年第", NO_SERIAL, "no serial after the year 2024"),
        arguments("内蒙古自治区人民政府令第", NO_SERIAL, "no serial after 第"),
        arguments("内政发12号", NO_YEAR, "no year"),
        arguments("内政发202412号", NO_YEAR, "no year"),
        arguments("内政发2024", NO_YEAR, "cannot tell the year from the serial in '2024'"),
        arguments("内政发〔0999〕12号", YEAR_OUT_OF_RANGE, "the year 0999 is not between 1949 and 2026"),
        arguments("内政发〔1948〕12号", YEAR_OUT_OF_RANGE, "1948 is not between 1949 and 2026"),
        arguments("财政厅公告0999年第6号", YEAR_OUT_OF_RANGE, "0999"),
        arguments("内政发〔24〕12号", INVALID_YEAR, "four digits"),
        arguments("内政发〔20245〕12号", INVALID_YEAR, "four digits"),
        arguments("财政厅公告24年第6号", INVALID_YEAR, "four digits"),
        arguments("内政发〔二〇二四〕12号", INVALID_YEAR, "Arabic numerals"),
        arguments("内政发〔〕12号", INVALID_YEAR, "no year"),
        arguments("内政发〔2024 12号", INVALID_YEAR, "not closed"),
        arguments("内政发〔2024〕0号", INVALID_SERIAL, "serial is 0"),
        arguments("内政发〔2024〕000", INVALID_SERIAL, "serial is 0"),
        arguments("内政发〔2024〕1234567号", INVALID_SERIAL, "more than six digits"),
        arguments("内政发〔2024〕十二号", INVALID_SERIAL, "Arabic numerals"),
        arguments("内蒙古自治区人民政府令第0号", INVALID_SERIAL, "serial is 0"),
        arguments("内政发〔2024〕12号文", UNEXPECTED_TEXT, "'文' after the end"),
        arguments("内政发〔2024〕12号号", UNEXPECTED_TEXT, "after the end"),
        arguments("关于印发内政发〔2024〕12号的通知", UNEXPECTED_TEXT, "'的通知'"),
        arguments("内政发-2024-12", UNEXPECTED_TEXT, "'-2024-12' after the issuer code 内政发"),
        arguments("内政A发〔2024〕12号", UNEXPECTED_TEXT, "after the issuer code 内政"),
        arguments("hello world", UNEXPECTED_TEXT, "starts with the issuer code"),
        arguments("!!!", UNEXPECTED_TEXT, "starts with the issuer code"),
        arguments("'; drop table policy; --", UNEXPECTED_TEXT, "starts with the issuer code"),
        arguments("内政发第〔2024〕12号", UNEXPECTED_TEXT, "第 must be followed by the serial"),
        arguments("内".repeat(31) + "〔2024〕1号", INVALID_ISSUER, "longer than 30 characters"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("invalid")
  void invalidInputIsRejectedWithAReason(String input, Code code, String reasonSays) {
    InvalidDocumentNumberException e =
        catchThrowableOfType(InvalidDocumentNumberException.class, () -> parser.parse(input));

    assertThat(e).as("rejected").isNotNull();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.reason()).contains(reasonSays);
    assertThat(e.input()).isEqualTo(input);
    assertThat(e.getMessage()).contains(e.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void tryParseSaysNothingForInvalidInput(String input, Code code, String reasonSays) {
    assertThat(DocumentNumbers.tryParse(input)).isEmpty();
  }

  @Test
  void yearsAfterNextYearAreRejected() {
    InvalidDocumentNumberException e =
        catchThrowableOfType(
            InvalidDocumentNumberException.class, () -> parser.parse("内政发〔2027〕12号"));

    assertThat(e.code()).isEqualTo(YEAR_OUT_OF_RANGE);
    assertThat(e.reason()).isEqualTo("the year 2027 is not between 1949 and 2026");
    assertThat(parser.parse("内政发〔2026〕12号").year()).isEqualTo(2026);
  }

  @Test
  void theMessageCutsLongInputButTheExceptionKeepsIt() {
    String input = "内".repeat(120);

    InvalidDocumentNumberException e =
        catchThrowableOfType(
            InvalidDocumentNumberException.class, () -> DocumentNumbers.parse(input));

    assertThat(e.getMessage()).hasSizeLessThan(200).contains("…");
    assertThat(e.input()).isEqualTo(input);
  }

  @Test
  void isAnIllegalArgumentSoWebLayersMapItToABadRequest() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> parser.parse("内政发")))
        .isInstanceOf(InvalidDocumentNumberException.class);
  }
}
