package org.opengovdata.docnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What people type → the one canonical spelling. Issuer codes are those of Inner Mongolia's
 * government and its leagues and cities (内政发 自治区人民政府, 内政办发 its general office, 内财预 the finance
 * department's budget office, 鄂府发 Ordos, 呼政发 Hohhot, 包府办发 Baotou's general office, 锡署发 Xilingol
 * League's administrative office, 赤政字 Chifeng…).
 */
class DocumentNumberNormalisationTest {

  private final DocumentNumberParser parser = new DocumentNumberParser(() -> 2026);

  static Stream<Arguments> bracketedYear() {
    return Stream.of(
        arguments("内政发〔2024〕12号", "内政发〔2024〕12号"),
        // every bracket people use for 〔〕, half and full width
        arguments("内政发[2024]12号", "内政发〔2024〕12号"),
        arguments("内政发(2024)12号", "内政发〔2024〕12号"),
        arguments("内政发（2024）12号", "内政发〔2024〕12号"),
        arguments("内政发【2024】12号", "内政发〔2024〕12号"),
        arguments("内政发［2024］12号", "内政发〔2024〕12号"),
        arguments("内政发﹝2024﹞12号", "内政发〔2024〕12号"),
        arguments("内政发〖2024〗12号", "内政发〔2024〕12号"),
        arguments("内政发〈2024〉12号", "内政发〔2024〕12号"),
        arguments("内政发《2024》12号", "内政发〔2024〕12号"),
        arguments("内政发{2024}12号", "内政发〔2024〕12号"),
        arguments("内政发〘2024〙12号", "内政发〔2024〕12号"),
        arguments("内政发〔2024]12号", "内政发〔2024〕12号"),
        // full-width digits, stray spaces (ASCII, ideographic, no-break, tab), invisible characters
        arguments("内政发〔２０２４〕１２号", "内政发〔2024〕12号"),
        arguments(" 内政发 〔2024〕 12 号 ", "内政发〔2024〕12号"),
        arguments("内政发\u3000〔2024〕\u300012号", "内政发〔2024〕12号"),
        arguments("内政发\u00a0[2024]\t12号", "内政发〔2024〕12号"),
        arguments("\ufeff内政\u200b发〔2024〕12号", "内政发〔2024〕12号"),
        // missing 号, 第 before the serial, leading zeros, a redundant 年 in the brackets
        arguments("内政发〔2024〕12", "内政发〔2024〕12号"),
        arguments("内政发〔2024〕第12号", "内政发〔2024〕12号"),
        arguments("内政发〔2024〕012号", "内政发〔2024〕12号"),
        arguments("内政发〔2024〕0012", "内政发〔2024〕12号"),
        arguments("内政发（２０２４）第００１２", "内政发〔2024〕12号"),
        arguments("内政发〔2024年〕12号", "内政发〔2024〕12号"),
        // traditional characters, 號, and compatibility ideographs
        arguments("內政發〔2024〕12號", "内政发〔2024〕12号"),
        arguments("內政發[2024]12号", "内政发〔2024〕12号"),
        arguments("內政辦發〔2023〕45號", "内政办发〔2023〕45号"),
        arguments("內財預〔2024〕318號", "内财预〔2024〕318号"),
        // Inner Mongolia issuers
        arguments("内政办发〔2023〕45号", "内政办发〔2023〕45号"),
        arguments("内财预〔2024〕318号", "内财预〔2024〕318号"),
        arguments("内财预[2024]318", "内财预〔2024〕318号"),
        arguments("鄂府发〔2022〕7号", "鄂府发〔2022〕7号"),
        arguments("呼政发〔2021〕33号", "呼政发〔2021〕33号"),
        arguments("包府办发(2020)101号", "包府办发〔2020〕101号"),
        arguments("锡署发〔2019〕2号", "锡署发〔2019〕2号"),
        arguments("赤政字〔2018〕56号", "赤政字〔2018〕56号"),
        arguments("通政办发（2017）9号", "通政办发〔2017〕9号"),
        arguments("乌海政发〔2016〕1号", "乌海政发〔2016〕1号"),
        arguments("内党办发〔2015〕14号", "内党办发〔2015〕14号"),
        arguments("国办发〔2019〕49号", "国办发〔2019〕49号"),
        arguments("财预〔2020〕10号", "财预〔2020〕10号"),
        // edges of the accepted ranges
        arguments("内政发〔1949〕1号", "内政发〔1949〕1号"),
        arguments("内政发〔2026〕999999号", "内政发〔2026〕999999号"));
  }

  static Stream<Arguments> yearOrdinal() {
    return Stream.of(
        arguments("财政厅公告2024年第6号", "财政厅公告2024年第6号"),
        arguments("财政厅公告 2024 年 第 6 号", "财政厅公告2024年第6号"),
        arguments("财政厅公告２０２４年第６号", "财政厅公告2024年第6号"),
        arguments("财政厅公告2024年6号", "财政厅公告2024年第6号"),
        arguments("财政厅公告2024年第06", "财政厅公告2024年第6号"),
        arguments("財政廳公告2024年第6號", "财政厅公告2024年第6号"),
        arguments("国家税务总局公告2018年第31号", "国家税务总局公告2018年第31号"),
        arguments("国家税务总局内蒙古自治区税务局公告2023年第2号", "国家税务总局内蒙古自治区税务局公告2023年第2号"));
  }

  static Stream<Arguments> ordinal() {
    return Stream.of(
        arguments("内蒙古自治区人民政府令第258号", "内蒙古自治区人民政府令第258号"),
        arguments("内蒙古自治区人民政府令 第 258 号", "内蒙古自治区人民政府令第258号"),
        arguments("內蒙古自治區人民政府令第258號", "内蒙古自治区人民政府令第258号"),
        arguments("内蒙古自治区人民政府令第０２５８", "内蒙古自治区人民政府令第258号"),
        arguments("呼和浩特市人民政府令第12号", "呼和浩特市人民政府令第12号"),
        arguments("中华人民共和国国务院令第708号", "中华人民共和国国务院令第708号"),
        // a decree's serial without 第: only after 令, where no year is expected
        arguments("国务院令708号", "国务院令第708号"),
        arguments("财政部令第100号", "财政部令第100号"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource({"bracketedYear", "yearOrdinal", "ordinal"})
  void whatPeopleTypeNormalisesToTheCanonicalSpelling(String typed, String canonical) {
    assertThat(parser.parse(typed).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource({"bracketedYear", "yearOrdinal", "ordinal"})
  void theCanonicalSpellingIsAFixedPoint(String typed, String canonical) {
    DocumentNumber once = parser.parse(canonical);
    assertThat(once.canonical()).isEqualTo(canonical);
    assertThat(parser.parse(typed)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bracketedYear")
  void bracketedNumbersKeepTheirForm(String typed, String canonical) {
    assertThat(parser.parse(typed).form()).isEqualTo(DocumentNumber.Form.BRACKETED_YEAR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yearOrdinal")
  void yearOrdinalNumbersKeepTheirForm(String typed, String canonical) {
    assertThat(parser.parse(typed).form()).isEqualTo(DocumentNumber.Form.YEAR_ORDINAL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordinal")
  void decreesHaveNoYear(String typed, String canonical) {
    DocumentNumber number = parser.parse(typed);
    assertThat(number.form()).isEqualTo(DocumentNumber.Form.ORDINAL);
    assertThat(number.year()).isNull();
  }
}
