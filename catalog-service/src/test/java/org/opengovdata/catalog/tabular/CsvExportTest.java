package org.opengovdata.catalog.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  record Row(String name, BigDecimal amount) {}

  @Test
  void bomHeaderCrlfAndQuotingPerRfc4180() throws Exception {
    List<Column<Row, Object>> columns =
        List.of(
            Column.of("name", "名称", "Name", DataType.STRING, Row::name, (d, v) -> {}),
            Column.of("amount", "金额", "Amount", DataType.DECIMAL, Row::amount, (d, v) -> {}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(
        out,
        columns,
        sink -> {
          sink.accept(new Row("教育支出", new BigDecimal("1E+3")));
          sink.accept(new Row("股利,股息 \"收入\"", new BigDecimal("12.50")));
          sink.accept(new Row(null, new BigDecimal("-0.10")));
        });
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFname,amount\r\n教育支出,1000\r\n\"股利,股息 \"\"收入\"\"\",12.50\r\n\"\",-0.10\r\n");
  }

  /** Issue #8 item 15: free text that a spreadsheet would run as a formula is neutralised. */
  @Test
  void item15FormulaCellsAreNeutralisedInCatalogExports() throws Exception {
    List<Column<Row, Object>> columns =
        List.of(
            Column.of("name", "名称", "Name", DataType.STRING, Row::name, (d, v) -> {}),
            Column.of("amount", "金额", "Amount", DataType.DECIMAL, Row::amount, (d, v) -> {}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(
        out,
        columns,
        sink -> {
          sink.accept(new Row("=1+1", new BigDecimal("-3.50")));
          sink.accept(new Row("@SUM(A1)", new BigDecimal("2")));
        });
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFname,amount\r\n'=1+1,-3.50\r\n'@SUM(A1),2\r\n");
  }
}
