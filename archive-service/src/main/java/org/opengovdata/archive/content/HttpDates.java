package org.opengovdata.archive.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.opengovdata.common.problem.ApiException;

/** HTTP dates (RFC 9110 IMF-fixdate) of the Memento headers. */
final class HttpDates {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** An {@code Accept-Datetime} value; a malformed one is a 400 naming the header. */
  static Instant parseAcceptDatetime(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw ApiException.invalidParameter(
          "Accept-Datetime",
          "'%s' is not an HTTP date (RFC 7089), e.g. 'Tue, 02 Apr 2024 08:00:00 GMT'"
              .formatted(value));
    }
  }
}
