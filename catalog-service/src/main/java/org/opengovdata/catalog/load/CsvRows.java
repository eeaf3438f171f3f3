package org.opengovdata.catalog.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

/**
 * Streams the data rows of an uploaded CSV file after checking its header: every required column
 * present, no unknown column (a typo would otherwise silently drop data).
 */
public final class CsvRows {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .get();

  private CsvRows() {}

  /** One data row: its spreadsheet row number and its cells by column name. */
  public record Row(long number, CSVRecord record) {

    public String get(String column) {
      return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
    }
  }

  public static long forEach(
      Reader reader,
      List<String> required,
      List<String> optional,
      RowErrors errors,
      Consumer<Row> sink) {
    try (CSVParser parser = parse(reader)) {
      List<String> header = parser.getHeaderNames();
      checkHeader(header, required, optional, errors);
      errors.rejectIfAny();
      long rows = 0;
      Iterator<CSVRecord> records = parser.iterator();
      while (hasNext(records)) {
        CSVRecord record = next(records);
        rows++;
        Row row = new Row(record.getRecordNumber() + 1, record);
        if (record.size() != header.size()) {
          errors.add(
              row.number(),
              null,
              null,
              "row has %d cells, the header %d".formatted(record.size(), header.size()));
          continue;
        }
        sink.accept(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CSVParser parse(Reader reader) throws IOException {
    try {
      return FORMAT.parse(reader);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ApiException(
          ProblemType.INVALID_BODY, "The file's header row is not valid CSV: " + e.getMessage());
    }
  }

  /** commons-csv parses the next record in {@code hasNext()}: a malformed file fails there. */
  private static boolean hasNext(Iterator<CSVRecord> records) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw notCsv(e);
    }
  }

  private static CSVRecord next(Iterator<CSVRecord> records) {
    try {
      return records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw notCsv(e);
    }
  }

  private static ApiException notCsv(RuntimeException e) {
    return new ApiException(
        ProblemType.INVALID_BODY, "The file is not valid CSV (RFC 4180): " + e.getMessage());
  }

  private static void checkHeader(
      List<String> header, List<String> required, List<String> optional, RowErrors errors) {
    List<String> names = new ArrayList<>(header.stream().map(String::trim).toList());
    for (String column : required) {
      if (!names.contains(column)) {
        errors.add(1, column, null, "the header lacks column '%s'".formatted(column));
      }
    }
    for (String name : names) {
      if (!required.contains(name) && !optional.contains(name)) {
        errors.add(
            1,
            name,
            name,
            "unknown column '%s'; the columns are %s".formatted(name, String.join(",", required)));
      }
    }
  }
}
