package org.opengovdata.archive.web;

import static org.opengovdata.common.representation.Representations.TEXT_CSV;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opengovdata.common.representation.Representations;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * CSV answers of the archive's lists: RFC 4180, UTF-8 with a byte-order mark (Excel shows Chinese
 * correctly only with it), written row by row as they come from the database.
 */
public final class Csv {

  private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, TEXT_CSV);

  private Csv() {}

  /** Whether the request asks for CSV ({@code format=csv} wins over {@code Accept}). */
  public static boolean requested(String format) {
    MediaType explicit =
        format == null ? null : "csv".equals(format) ? TEXT_CSV : MediaType.APPLICATION_JSON;
    String accept = Lists.currentRequest().getHeader("Accept");
    return TEXT_CSV.equals(Representations.choose(explicit, accept, OFFERED));
  }

  /** One column: its header and how to read it from a row. */
  public record Column<R>(String header, Function<R, Object> value) {}

  /** Streams the rows that {@code rows} produces as the response body. */
  public static <R> void write(
      String filename, List<Column<R>> columns, Consumer<Consumer<R>> rows) {
    HttpServletResponse response =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
    try {
      Writer writer =
          new BufferedWriter(
              new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
      printer.printRecord(columns.stream().map(Column::header));
      Object[] values = new Object[columns.size()];
      rows.accept(
          row -> {
            for (int i = 0; i < values.length; i++) {
              Object value = columns.get(i).value().apply(row);
              values[i] = value == null ? "" : value.toString();
            }
            try {
              printer.printRecord(values);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
