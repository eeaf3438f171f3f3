package org.opengovdata.catalog.policy.screening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * 18-character resident ID numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth
 * date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X). Only a number that
 * passes all three checks — check character, a province that exists, a birth date that could be
 * real — is treated as one; anything else is just digits.
 */
final class ResidentIdNumbers {

  /** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11, for the first 17 digits. */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** Check character for each remainder of the weighted sum mod 11. */
  private static final String CHECK_CHARACTERS = "10X98765432";

  /**
   * Province-level codes of GB/T 2260 (the first two digits of the address code), plus 81/82/83:
   * residence permits of Hong Kong, Macao and Taiwan residents use 810000/820000/830000. Only the
   * province is checked: older numbers keep county codes that have since been abolished.
   */
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82", "83");

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private ResidentIdNumbers() {}

  /**
   * Whether 18 characters (ASCII digits, the last may be {@code X}) are a resident ID number of
   * someone born by {@code today}.
   */
  static boolean isValid(String id, LocalDate today) {
    return id.length() == 18
        && id.charAt(17) == checkCharacter(id)
        && plausibleRegion(id)
        && plausibleBirthDate(id, today);
  }

  /** The check character of the first 17 digits. */
  static char checkCharacter(CharSequence id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /**
   * A province code, or 9 + a province code: the foreigners' permanent residence ID card of 2023
   * (外国人永久居留身份证) puts 9 first and the province of issue second and third.
   */
  private static boolean plausibleRegion(String id) {
    return PROVINCES.contains(id.substring(0, 2))
        || (id.charAt(0) == '9' && PROVINCES.contains(id.substring(1, 3)));
  }

  private static boolean plausibleBirthDate(String id, LocalDate today) {
    try {
      LocalDate birth =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
