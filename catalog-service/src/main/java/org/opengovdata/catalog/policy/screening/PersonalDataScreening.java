package org.opengovdata.catalog.policy.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovdata.catalog.policy.screening.PersonalDataFinding.Kind;

/**
 * Finds personal data that must not be published (个人隐私, 政府信息公开条例 §15): resident ID numbers with a
 * valid GB 11643 check character, and mainland mobile numbers. Pure and thread-safe; one instance
 * can serve every request.
 *
 * <p>What counts:
 *
 * <ul>
 *   <li>A resident ID number: 17 digits and a check character (digit or X), with a valid check
 *       character, a province that exists and a birth date between 1900 and today; written in one
 *       run or grouped 6-8-4 with single spaces or dashes. An 18-digit string with a wrong check
 *       character is not one.
 *   <li>A mobile number: 11 digits starting 13–19, in one run or grouped 3-4-4 with single spaces
 *       or dashes, optionally after {@code +86}, {@code 86}, {@code 0086} or {@code (+86)}.
 *   <li>Full-width digits (１３８…) count as digits: people type them.
 *   <li>Digits inside a longer run of digits are not a finding: a 20-digit account number does not
 *       contain an ID number, and a serial number does not contain a phone number.
 * </ul>
 *
 * Old 15-digit ID numbers (before 1999) have no check character and are not screened: without one
 * they cannot be told from any other 15 digits.
 */
public final class PersonalDataScreening {

  private static final String DIGIT = "[0-9０-９]";
  private static final String NOT_AFTER_DIGIT = "(?<![0-9０-９])";
  private static final String NOT_BEFORE_DIGIT = "(?![0-9０-９])";
  private static final String SEPARATOR = "[ \\-\\u00a0\\u3000－]?";

  private static final Pattern RESIDENT_ID =
      Pattern.compile(
          NOT_AFTER_DIGIT
              + "("
              + DIGIT
              + "{6})"
              + SEPARATOR
              + "("
              + DIGIT
              + "{8})"
              + SEPARATOR
              + "("
              + DIGIT
              + "{3}[0-9０-９XxＸｘ])"
              + NOT_BEFORE_DIGIT);

  private static final Pattern MOBILE =
      Pattern.compile(
          NOT_AFTER_DIGIT
              + "(?:(?:[+＋]|00|００)?[8８][6６]"
              + SEPARATOR
              + "|[(（][+＋]?[8８][6６][)）]"
              + SEPARATOR
              + ")?"
              + "([1１][3-9３-９]"
              + DIGIT
              + ")"
              + SEPARATOR
              + "("
              + DIGIT
              + "{4})"
              + SEPARATOR
              + "("
              + DIGIT
              + "{4})"
              + NOT_BEFORE_DIGIT);

  private final Clock clock;

  /** Birth dates are checked against today in China. */
  public PersonalDataScreening() {
    this(Clock.system(ZoneId.of("Asia/Shanghai")));
  }

  /** For tests: "today" for the birth-date check comes from {@code clock}. */
  public PersonalDataScreening(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** Every finding in the text, in order of position; empty when the text is clean or null. */
  public List<PersonalDataFinding> screen(CharSequence text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Match> matches = matches(text);
    TextPositions positions = new TextPositions(text);
    List<PersonalDataFinding> findings = new ArrayList<>(matches.size());
    for (Match match : matches) {
      TextPositions.LineColumn at = positions.of(match.start());
      findings.add(
          new PersonalDataFinding(
              match.kind(),
              match.start(),
              match.end() - match.start(),
              at.line(),
              at.column(),
              match.masked(text)));
    }
    return List.copyOf(findings);
  }

  /** Whether the text holds no personal data. */
  public boolean isClean(CharSequence text) {
    return screen(text).isEmpty();
  }

  /**
   * The text with every finding masked: the middle ten characters of an ID number ({@code
   * 1501**********1234}), the middle four digits of a mobile number ({@code 138****5678}).
   * Separators and country codes stay, and the result has the same length, so the findings'
   * positions hold in it too.
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<Match> matches = matches(text);
    if (matches.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (Match match : matches) {
      match.maskInto(chars);
    }
    return new String(chars);
  }

  /**
   * Every finding starts at the first digit of a run of digits, or at most two characters before it
   * ("(+86)" has "(+" before its digits). So the patterns are tried only there, not at every
   * character of a text that is mostly Han characters: a tenfold difference on long attachments
   * (see docs/benchmarks.md).
   */
  private List<Match> matches(CharSequence text) {
    LocalDate today = LocalDate.now(clock);
    List<Match> found = new ArrayList<>();
    Matcher ids = RESIDENT_ID.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    Matcher mobiles = MOBILE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int length = text.length();
    int idsDone = 0;
    int mobilesDone = 0;
    for (int i = 0; i < length; i++) {
      if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
        continue;
      }
      if (i >= idsDone && ids.region(i, length).lookingAt()) {
        idsDone = ids.end();
        Match match = Match.of(Kind.RESIDENT_ID_NUMBER, ids, text);
        if (ResidentIdNumbers.isValid(match.significant(), today)) {
          found.add(match);
        }
      }
      // No mobile match can overlap an ID match: both start and end at digit-run boundaries and
      // their groups do not line up (3-4-4 inside 6-8-4 would need a separator after 3 or 7).
      for (int start = Math.max(mobilesDone, i - 2); start <= i; start++) {
        if (mobiles.region(start, length).lookingAt()) {
          mobilesDone = mobiles.end();
          found.add(Match.of(Kind.MOBILE_NUMBER, mobiles, text));
          break;
        }
      }
    }
    found.sort(Comparator.comparingInt(Match::start));
    return found;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }

  /**
   * A match: its span, and where its significant characters (digits and X, without separators or
   * country code) are, which is what masking changes.
   */
  private record Match(Kind kind, int start, int end, int[] positions, String significant) {

    static Match of(Kind kind, Matcher matcher, CharSequence text) {
      int count = 0;
      for (int g = 1; g <= matcher.groupCount(); g++) {
        count += matcher.end(g) - matcher.start(g);
      }
      int[] positions = new int[count];
      StringBuilder significant = new StringBuilder(count);
      int i = 0;
      for (int g = 1; g <= matcher.groupCount(); g++) {
        for (int p = matcher.start(g); p < matcher.end(g); p++) {
          positions[i++] = p;
          significant.append(ascii(text.charAt(p)));
        }
      }
      return new Match(kind, matcher.start(), matcher.end(), positions, significant.toString());
    }

    /** ID: keep 4 + 4 of 18. Mobile: keep 3 + 4 of 11. */
    boolean masks(int index) {
      return kind == Kind.RESIDENT_ID_NUMBER ? index >= 4 && index < 14 : index >= 3 && index < 7;
    }

    void maskInto(char[] chars) {
      for (int i = 0; i < positions.length; i++) {
        if (masks(i)) {
          chars[positions[i]] = '*';
        }
      }
    }

    String masked(CharSequence text) {
      char[] chars = text.subSequence(start, end).toString().toCharArray();
      for (int i = 0; i < positions.length; i++) {
        if (masks(i)) {
          chars[positions[i] - start] = '*';
        }
      }
      return new String(chars);
    }

    /** Full-width digits and X to ASCII; x to X. */
    private static char ascii(char c) {
      if (c >= '０' && c <= '９') {
        return (char) ('0' + (c - '０'));
      }
      return c == 'x' || c == 'Ｘ' || c == 'ｘ' ? 'X' : c;
    }
  }
}
