package org.opengovdata.archive.web;

import static org.opengovdata.common.representation.Representations.TEXT_CSV;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opengovdata.common.csv.CsvStream;
import org.opengovdata.common.representation.Representations;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * CSV answers of the archive's lists: RFC 4180, UTF-8 with a byte-order mark (Excel shows Chinese
 * correctly only with it), written row by row as they come from the database by the platform's
 * {@link CsvStream}.
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

  /**
   * Streams the rows that {@code rows} produces as the response body, with the platform's one CSV
   * writer ({@link CsvStream}: formula cells neutralised).
   */
  public static <R> void write(
      String filename, List<Column<R>> columns, Consumer<Consumer<R>> rows) {
    HttpServletResponse response =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    response.setContentType(CsvStream.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
    try {
      CsvStream.write(
          response.getOutputStream(),
          columns.stream().map(Column::header).toList(),
          columns.stream().map(Column::value).toList(),
          rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
