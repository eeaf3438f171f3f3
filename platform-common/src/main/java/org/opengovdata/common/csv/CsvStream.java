package org.opengovdata.common.csv;

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
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The platform's CSV answers: RFC 4180 (CRLF, quotes where needed) in UTF-8 with a byte-order mark
 * — without it Excel reads the Chinese as mojibake — written row by row as the rows arrive, so
 * memory stays constant whatever the row count.
 *
 * <p>Free text (policy titles, reasons, names) may come from anyone who can get text published, so
 * every cell that a spreadsheet would take for a formula — starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return — is prefixed with {@code '} (OWASP "CSV
 * injection"). Numbers such as {@code -0.10} or {@code +5} stay numbers.
 */
public final class CsvStream {

  public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
  private static final char BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private CsvStream() {}

  /**
   * Writes the header row and then every row {@code rows} produces; {@code out} is not closed.
   *
   * @param headers the header cells
   * @param values per column, how to read its value from a row (formatted by {@link #cell})
   * @param rows calls its argument once per row, in order
   */
  public static <R> void write(
      OutputStream out,
      List<String> headers,
      List<? extends Function<? super R, ?>> values,
      Consumer<Consumer<R>> rows)
      throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write(BOM);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(headers.stream().map(CsvStream::cell));
    Object[] cells = new Object[values.size()];
    rows.accept(
        row -> {
          for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(values.get(i).apply(row));
          }
          try {
            printer.printRecord(cells);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    printer.flush();
  }

  /** A value as a cell: decimals in plain digits, enums by name, formulas neutralised. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return neutralise(value.toString());
  }

  /** {@code text} prefixed with {@code '} if a spreadsheet would read it as a formula. */
  static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula =
        switch (first) {
          case '=', '@', '\t', '\r' -> true;
          case '+', '-' -> !NUMBER.matcher(text).matches();
          default -> false;
        };
    return formula ? "'" + text : text;
  }
}
