package dev.rampart.packtesting;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a user most likely meant, for "did you mean" hints in fixture problems. */
final class Closest {

  private static final int MAX_EDITS = 2;

  private Closest() {}

  /** The candidate at most two edits from the input, ignoring case; ties go to the earlier one. */
  static Optional<String> to(String input, Collection<String> candidates) {
    String wanted = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = MAX_EDITS + 1;
    for (String candidate : candidates) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** "did you mean 'X'?" when a candidate is close, else the given fallback. */
  static String hint(String input, Collection<String> candidates, String fallback) {
    return to(input, candidates).map(match -> "did you mean '" + match + "'?").orElse(fallback);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
