package org.opengovdata.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvStreamTest {

  record Row(String title, BigDecimal amount) {}

  /** Issue #8 item 15: cells a spreadsheet would run as formulas are prefixed with '. */
  @Test
  void item15CsvFormulaCellsAreNeutralised() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Function<Row, ?>> values = List.of(Row::title, Row::amount);
    CsvStream.write(
        out,
        List.of("title", "amount"),
        values,
        sink -> {
          sink.accept(new Row("=HYPERLINK(\"http://evil\",\"点击\")", new BigDecimal("-0.10")));
          sink.accept(new Row("+cmd|' /C calc'!A0", new BigDecimal("12.50")));
          sink.accept(new Row("-2+3", null));
          sink.accept(new Row("@SUM(A1:A9)", null));
          sink.accept(new Row("\t=1+1", null));
          sink.accept(new Row("\r=1+1", null));
          sink.accept(new Row("关于印发《预算管理办法》的通知", new BigDecimal("1E+3")));
          sink.accept(new Row("-5", null));
          sink.accept(new Row("+86", null));
        });
    String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFtitle,amount\r\n");
    List<List<String>> cells =
        CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).stream()
            .map(CSVRecord::toList)
            .toList();
    assertThat(cells)
        .containsExactly(
            List.of("title", "amount"),
            List.of("'=HYPERLINK(\"http://evil\",\"点击\")", "-0.10"),
            List.of("'+cmd|' /C calc'!A0", "12.50"),
            List.of("'-2+3", ""),
            List.of("'@SUM(A1:A9)", ""),
            List.of("'\t=1+1", ""),
            List.of("'\r=1+1", ""),
            List.of("关于印发《预算管理办法》的通知", "1000"),
            List.of("-5", ""),
            List.of("+86", ""));
  }
}
