package org.opengovdata.catalog.tabular;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF, quotes where needed) in UTF-8 with a byte-order mark — without it Excel reads
 * the Chinese as mojibake. Rows are written as they arrive, so memory stays constant whatever the
 * row count; the servlet container sends each buffer as it fills.
 */
public final class CsvExport {

  public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
  private static final char BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvExport() {}

  public static <R> void write(
      OutputStream out, List<? extends Column<R, ?>> columns, Consumer<Consumer<R>> rows)
      throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write(BOM);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(columns.stream().map(Column::key));
    Object[] values = new Object[columns.size()];
    rows.accept(
        row -> {
          for (int i = 0; i < values.length; i++) {
            values[i] = text(columns.get(i).value().apply(row));
          }
          try {
            printer.printRecord(values);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    printer.flush();
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }
}
