package dev.rampart.adapter.inventory;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a user most likely meant, for "did you mean" hints. */
final class DidYouMean {

  private static final int MAX_EDITS = 2;
  private static final int MIN_PREFIX = 3;

  private DidYouMean() {}

  /**
   * The candidate closest to the input: at most two edits apart, or one a prefix of the other,
   * ignoring case, '_' and '-' (so {@code default_password} finds {@code defaultPassword}).
   * Ties go to the earlier candidate, which keeps hints stable.
   */
  static Optional<String> closest(String input, Collection<String> candidates) {
    String wanted = normalise(input);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String known = normalise(candidate);
      int distance = distance(wanted, known);
      boolean close = distance <= MAX_EDITS || sharesPrefix(wanted, known);
      if (close && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The fix for an unknown name: a suggestion, or the list of valid names when nothing is close. */
  static String fix(String input, Collection<String> candidates, String kind) {
    return closest(input, candidates)
        .map(match -> "did you mean '" + match + "'?")
        .orElseGet(() -> "valid " + kind + ": " + String.join(", ", candidates));
  }

  private static boolean sharesPrefix(String a, String b) {
    return a.length() <= b.length()
        ? a.length() >= MIN_PREFIX && b.startsWith(a)
        : b.length() >= MIN_PREFIX && a.startsWith(b);
  }

  private static String normalise(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  private static int distance(String a, String b) {
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
