package org.opengovdata.catalog.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.opengovdata.common.problem.ApiException;

/** Parsing of parameters the spec types as patterned strings (dates, instants, year ranges). */
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

  /** A year range from {@code year} or {@code yearFrom}/{@code yearTo}; nulls mean open. */
  public record Years(Integer from, Integer to) {

    public static Years of(Integer year, Integer yearFrom, Integer yearTo) {
      if (year != null && (yearFrom != null || yearTo != null)) {
        throw ApiException.invalidParameter(
            "year", "give either year or yearFrom/yearTo, not both");
      }
      if (year != null) {
        return new Years(year, year);
      }
      if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
        throw ApiException.invalidParameter(
            "yearFrom", "yearFrom (%d) is after yearTo (%d)".formatted(yearFrom, yearTo));
      }
      return new Years(yearFrom, yearTo);
    }
  }
}
