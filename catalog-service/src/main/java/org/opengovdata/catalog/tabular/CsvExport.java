package org.opengovdata.catalog.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.common.csv.CsvStream;

/**
 * A tabular resource's CSV: its columns' keys as the header, written by the platform's one CSV
 * writer ({@link CsvStream}: RFC 4180, UTF-8 with BOM, constant memory, formula cells neutralised).
 */
public final class CsvExport {

  public static final String CONTENT_TYPE = CsvStream.CONTENT_TYPE;

  private CsvExport() {}

  /** What writes a CSV answer's bytes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes CSV data lines (no header) after calling {@code started}, see {@link #copy}. */
  @FunctionalInterface
  public interface Copier {
    void copy(RowStreams.Started started, OutputStream data) throws IOException;
  }

  /**
   * The header row as {@link #write} writes it (byte-order mark included), once the database has
   * accepted the query, then the data lines {@code copy} writes — PostgreSQL's {@code COPY …
   * (FORMAT csv)} output, whose LF record ends become RFC 4180's CRLF on the way (LF inside a
   * quoted cell is kept as it is).
   */
  public static <R> void copy(
      OutputStream out,
      List<? extends Column<R, ?>> columns,
      Function<? super Column<R, ?>, String> header,
      Copier copy)
      throws IOException {
    List<String> headers = columns.stream().map(header).toList();
    CrlfLineEnds lines = new CrlfLineEnds(out);
    copy.copy(() -> CsvStream.write(out, headers, List.of(), rows -> {}), lines);
    lines.flush();
  }

  /**
   * The SQL for a text cell as {@link CsvStream#cell} writes it: a value a spreadsheet would take
   * for a formula gets a leading {@code '} (numbers such as {@code -0.10} stay numbers).
   */
  public static String neutralisedSql(String expression) {
    String first = "left(" + expression + ", 1)";
    return "case when "
        + first
        + " in ('=', '@', chr(9), chr(13)) or ("
        + first
        + " in ('+', '-') and "
        + expression
        + " !~ '^[+-]?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$') then '''' || "
        + expression
        + " else "
        + expression
        + " end";
  }

  public static <R> void write(
      OutputStream out, List<? extends Column<R, ?>> columns, Consumer<Consumer<R>> rows)
      throws IOException {
    write(out, columns, Column::key, rows);
  }

  /**
   * @param header the header cell of a column (its key, or its label in one language)
   */
  public static <R> void write(
      OutputStream out,
      List<? extends Column<R, ?>> columns,
      Function<? super Column<R, ?>, String> header,
      Consumer<Consumer<R>> rows)
      throws IOException {
    CsvStream.write(
        out,
        columns.stream().map(header).toList(),
        columns.stream().map(Column::value).toList(),
        rows);
  }
}
