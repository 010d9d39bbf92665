package dev.rampart.engine.internal.waiver;

/** Wildcard patterns for rule and fact ids: {@code *} stands for any run of characters, {@code ?} for one. */
public final class Glob {

  private Glob() {}

  /** Whether the text contains a wildcard. */
  public static boolean isPattern(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** Whether the whole text matches the pattern; without wildcards, whether they are equal. */
  public static boolean matches(String pattern, String text) {
    // Greedy matching with one backtrack point: linear for the patterns people write, and no regex
    // is compiled per comparison.
    int p = 0;
    int t = 0;
    int star = -1;
    int afterStar = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        afterStar = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++afterStar;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
