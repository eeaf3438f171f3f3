package org.opengovdata.catalog.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the CSV files under {@code src/main/resources/reference} and {@code demo}: header row,
 * {@code #} comment lines (the attribution), UTF-8.
 */
public final class ReferenceCsv {

  public static final String REGIONS = "reference/regions-150000.csv";
  public static final String EXPENDITURE_FUNCTIONS = "reference/fiscal-expenditure-functions.csv";
  public static final String CLASSIFICATION_DETAIL = "reference/fiscal-classification-detail.csv";
  public static final String INDICATORS = "reference/statistical-indicators.csv";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setCommentMarker('#')
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  private ReferenceCsv() {}

  public static List<CSVRecord> read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(reader)) {
      return new ArrayList<>(parser.getRecords());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** CRC32 over the files' bytes: the checksum of the reference-data migration. */
  public static int checksum(String... paths) {
    CRC32 crc = new CRC32();
    for (String path : paths) {
      try (InputStream in = new ClassPathResource(path).getInputStream()) {
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    return (int) crc.getValue();
  }
}
