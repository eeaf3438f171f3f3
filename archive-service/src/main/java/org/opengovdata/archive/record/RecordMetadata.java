package org.opengovdata.archive.record;

import java.time.LocalDate;

/**
 * What describes a record; written as {@code metadata.json} beside the content of every version.
 *
 * @param documentNumber 发文字号, already normalised
 * @param documentDate 成文日期; the retention period counts from the following 1 January
 */
public record RecordMetadata(
    String title,
    String documentNumber,
    String issuer,
    LocalDate documentDate,
    RetentionClass retentionClass,
    String series,
    String sourceReference,
    Access access) {

  public RecordMetadata withRetention(RetentionClass retention) {
    return new RecordMetadata(
        title, documentNumber, issuer, documentDate, retention, series, sourceReference, access);
  }

  /** The same record described anew (a later version of a captured policy); retention is kept. */
  public RecordMetadata describedAs(
      String title,
      String documentNumber,
      String issuer,
      LocalDate documentDate,
      String sourceReference) {
    return new RecordMetadata(
        title,
        documentNumber,
        issuer,
        documentDate,
        retentionClass,
        series,
        sourceReference,
        access);
  }
}
