package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one "did you mean" of Rampart: finds the known name a user most likely meant, so that every
 * message about an unknown name, in a pack, a waiver, an inventory or an option, suggests alike.
 *
 * <p>Names are compared ignoring case, {@code '_'} and {@code '-'} (so {@code default_password}
 * finds {@code defaultPassword}), by optimal string alignment distance: an insertion, a deletion, a
 * substitution or a swap of two neighbours is one edit. A candidate is close when it is at most
 * two edits away (a quarter of the name for longer names), or when one is a prefix of the other of
 * at least three characters. Ties go to the earlier candidate, which keeps hints stable.
 */
@API(status = INTERNAL, since = "0.1")
public final class DidYouMean {

  private static final int MIN_EDITS = 2;
  private static final int MIN_PREFIX = 3;

  private DidYouMean() {}

  /** The close candidate the input most likely means, if any. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String wanted = normalise(input);
    int allowed = Math.max(MIN_EDITS, wanted.length() / 4);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String known = normalise(candidate);
      int distance = distance(wanted, known);
      if ((distance <= allowed || sharesPrefix(wanted, known)) && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The nearest candidate however far it is, for a closed list where any guess helps (e.g. the
   * region codes a cloud knows); empty only when there are no candidates.
   */
  public static Optional<String> nearest(String input, Collection<String> candidates) {
    String wanted = normalise(input);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wanted, normalise(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code did you mean 'x'?} for a close candidate, else {@code fallback}. */
  public static String hint(String input, Collection<String> candidates, String fallback) {
    return closest(input, candidates).map(DidYouMean::question).orElse(fallback);
  }

  /**
   * {@code did you mean 'x'?} for a close candidate, else the candidates after a lead, e.g.
   * {@code valid fields: a, b, c} for the lead {@code valid fields}.
   */
  public static String hintOrList(String input, Collection<String> candidates, String lead) {
    return closest(input, candidates).map(DidYouMean::question)
        .orElseGet(() -> lead + ": " + String.join(", ", candidates));
  }

  /** The question itself, {@code did you mean 'x'?}, for a caller that found {@code x} in its own way. */
  public static String question(String match) {
    return "did you mean '" + match + "'?";
  }

  private static boolean sharesPrefix(String a, String b) {
    return a.length() <= b.length()
        ? a.length() >= MIN_PREFIX && b.startsWith(a)
        : b.length() >= MIN_PREFIX && a.startsWith(b);
  }

  private static String normalise(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
   * Three rows rather than a matrix, so a name of a megabyte costs a few megabytes, not a terabyte.
   */
  private static int distance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
        }
      }
      int[] free = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = free;
    }
    return previous[b.length()];
  }
}
