package org.opengovdata.catalog.dataset;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.opengovdata.common.representation.ETags;

/**
 * The validators of a dataset's download file (RFC 9110 §8.8): a strong {@code ETag} naming the
 * dataset version, and {@code Last-Modified} = the dataset's {@code modified}.
 */
final class DownloadValidators {

  private DownloadValidators() {}

  static String etag(Dataset dataset) {
    return ETags.strong(
        "download", dataset.id(), dataset.version(), dataset.modified().toInstant());
  }

  /**
   * Whether the client's copy is current: {@code If-None-Match} when sent, else {@code
   * If-Modified-Since} (RFC 9110 §13.1.3: an unparsable date is ignored).
   */
  static boolean notModified(Dataset dataset, String ifNoneMatch, String ifModifiedSince) {
    if (ifNoneMatch != null) {
      return ETags.matches(ifNoneMatch, etag(dataset));
    }
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      ZonedDateTime since =
          ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
      return !dataset
          .modified()
          .toInstant()
          .truncatedTo(ChronoUnit.SECONDS)
          .isAfter(since.toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
