package org.opengovdata.catalog.tabular;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.opengovdata.common.problem.ApiException;

/**
 * The list filters the spec types as patterned strings ({@code modifiedSince}, {@code asOf}),
 * parsed to values; a value that does not parse is a 400 naming its parameter.
 */
public final class Params {

  private Params() {}

  /** A date-time with or without offset (UTC when absent) or a date (midnight UTC). */
  public static OffsetDateTime instant(String parameter, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
        return OffsetDateTime.parse(value);
      }
      return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw ApiException.invalidParameter(
          parameter, "'%s' is not a valid ISO 8601 date or date-time".formatted(value));
    }
  }

  public static LocalDate date(String parameter, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw ApiException.invalidParameter(
          parameter, "'%s' is not a valid ISO 8601 date".formatted(value));
    }
  }
}
