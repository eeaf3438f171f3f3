package org.opengovdata.catalog.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.opengovdata.common.csv.CsvStream;

/**
 * A tabular resource's CSV: its columns' keys as the header, written by the platform's one CSV
 * writer ({@link CsvStream}: RFC 4180, UTF-8 with BOM, constant memory, formula cells neutralised).
 */
public final class CsvExport {

  public static final String CONTENT_TYPE = CsvStream.CONTENT_TYPE;

  private CsvExport() {}

  public static <R> void write(
      OutputStream out, List<? extends Column<R, ?>> columns, Consumer<Consumer<R>> rows)
      throws IOException {
    CsvStream.write(
        out,
        columns.stream().map(Column::key).toList(),
        columns.stream().map(Column::value).toList(),
        rows);
  }
}
