package org.opengovdata.common.params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ApiException.FieldError;
import org.opengovdata.common.problem.ProblemType;

/**
 * The rule for query parameters: one the operation does not declare is a 400 naming it, listing the
 * accepted ones and suggesting the closest ("did you mean 'year'?") — never silently ignored (a
 * misspelled filter would otherwise return every row).
 */
public final class QueryParameters {

  /** What of the caller's input is echoed back, at most (the parameter name). */
  static final int MAX_ECHO = 256;

  private QueryParameters() {}

  /**
   * @throws ApiException (400, {@code invalid-parameter}) when {@code given} holds a name not in
   *     {@code accepted}
   */
  public static void check(Collection<String> given, Set<String> accepted) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> sorted = new TreeSet<>(accepted);
    for (String name : given) {
      if (!accepted.contains(name)) {
        errors.add(new FieldError(echo(name), detail(name, sorted)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.INVALID_PARAMETER, errors.get(0).detail())
          .with("errors", errors)
          .with("acceptedParameters", List.copyOf(sorted));
    }
  }

  private static String detail(String name, Set<String> accepted) {
    StringBuilder detail = new StringBuilder("unknown query parameter '").append(echo(name));
    detail.append('\'');
    suggestion(name, accepted)
        .ifPresent(s -> detail.append(" — did you mean '").append(s).append("'?"));
    detail.append(
        accepted.isEmpty()
            ? "; this operation takes no query parameters"
            : "; accepted: " + String.join(", ", accepted));
    return detail.toString();
  }

  /**
   * The accepted name closest to {@code name}: equal ignoring case, '_' and '-' ({@code
   * budget_type} → {@code budgetType}), or within an edit distance of a third of its length (at
   * least 1, at most 3) — {@code yaer} → {@code year}.
   */
  static Optional<String> suggestion(String name, Set<String> accepted) {
    if (name.length() > MAX_ECHO) {
      return Optional.empty();
    }
    String folded = fold(name);
    for (String candidate : accepted) {
      if (fold(candidate).equals(folded)) {
        return Optional.of(candidate);
      }
    }
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    return accepted.stream()
        .map(c -> new Scored(c, distance(fold(c), folded)))
        .filter(s -> s.distance() <= limit)
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name);
  }

  private record Scored(String name, int distance) {}

  private static String fold(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** At most {@link #MAX_ECHO} characters of the caller's input, the last one "…" when cut. */
  static String echo(String input) {
    return input.length() <= MAX_ECHO ? input : input.substring(0, MAX_ECHO - 1) + "…";
  }
}
