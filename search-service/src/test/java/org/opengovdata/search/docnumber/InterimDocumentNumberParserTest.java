package org.opengovdata.search.docnumber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterimDocumentNumberParserTest {

  private final DocumentNumberParser parser = new InterimDocumentNumberParser();

  @ParameterizedTest
  @CsvSource({
    "内政发〔2024〕12号, 内政发〔2024〕12号, 内政发, 2024, 12",
    "内政发[2024]12号, 内政发〔2024〕12号, 内政发, 2024, 12",
    "内政发（2024）12号, 内政发〔2024〕12号, 内政发, 2024, 12",
    "内政发【2024】12, 内政发〔2024〕12号, 内政发, 2024, 12",
    "内政发〔２０２４〕０１２号, 内政发〔2024〕12号, 内政发, 2024, 12",
    "内政办发 ( 2023 ) 5 号, 内政办发〔2023〕5号, 内政办发, 2023, 5",
    "内蒙古自治区人民政府令第258号, 内蒙古自治区人民政府令第258号, 内蒙古自治区人民政府令, , 258"
  })
  void variantsBecomeTheCanonicalNumber(
      String written, String canonical, String issuer, Integer year, Integer serial) {
    assertThat(parser.parse(written)).contains(new DocumentNumber(canonical, issuer, year, serial));
  }

  @ParameterizedTest
  @ValueSource(strings = {"财政预算", "2024", "内政发", "内政发〔2024〕", "", "内政发〔24〕12号"})
  void otherTextIsNotANumber(String text) {
    assertThat(parser.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"内政发〔2024〕, 内政发, 2024", "内政发[2024, 内政发, 2024", "内政发, 内政发, "})
  void partialNumbersAreIssuerAndYear(String written, String issuer, Integer year) {
    NumberPrefix prefix = parser.parsePrefix(written).orElseThrow();
    assertThat(prefix.issuerCode()).isEqualTo(issuer);
    assertThat(prefix.year()).isEqualTo(year);
  }
}
