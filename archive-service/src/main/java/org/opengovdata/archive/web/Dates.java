package org.opengovdata.archive.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.opengovdata.common.problem.ApiException;

/** Date parameters, which the spec types as patterned strings: an impossible date is a 400. */
public final class Dates {

  private Dates() {}

  public static LocalDate parse(String parameter, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw ApiException.invalidParameter(
          parameter,
          "'%s' is not a valid ISO 8601 date for parameter '%s'".formatted(value, parameter));
    }
  }
}
