package org.opengovdata.catalog.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period: a year ({@code 2024}), a quarter ({@code 2024Q3}) or a month ({@code
 * 2024-07}).
 */
public record Period(String text, Frequency frequency, LocalDate start, LocalDate end) {

  private static final Pattern FORMAT = Pattern.compile("([0-9]{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?");

  /** A frequency: annual, quarterly, monthly. */
  public enum Frequency {
    A,
    Q,
    M
  }

  /** The period, or null when {@code text} is not one. */
  public static Period parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      int quarter = Integer.parseInt(m.group(2));
      YearMonth first = YearMonth.of(year, 3 * quarter - 2);
      return new Period(text, Frequency.Q, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }
    if (m.group(3) != null) {
      YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
      return new Period(text, Frequency.M, month.atDay(1), month.atEndOfMonth());
    }
    return new Period(text, Frequency.A, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }
}
