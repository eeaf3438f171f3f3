package org.opengovdata.catalog.fiscal;

import org.opengovdata.common.problem.ApiException;

/** A range of fiscal years; a null bound is open. */
record Years(Integer from, Integer to) {

  /** From {@code year} or {@code yearFrom}/{@code yearTo}; both, or a reversed range, is a 400. */
  static Years of(Integer year, Integer yearFrom, Integer yearTo) {
    if (year != null && (yearFrom != null || yearTo != null)) {
      throw ApiException.invalidParameter("year", "give either year or yearFrom/yearTo, not both");
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
