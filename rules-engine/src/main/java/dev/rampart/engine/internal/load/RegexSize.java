package dev.rampart.engine.internal.load;

/**
 * Measures how far a regular expression's counted repetitions multiply, e.g. 100 × 100 for
 * {@code (a{100}){100}}. RE2 refuses a product above {@value #MAX_REPEAT}, because the compiled
 * program grows with it; RE2/J does not check, and compiling {@code ((a{1000}){1000}){1000}} would
 * exhaust the heap, so the loader checks before compiling.
 */
final class RegexSize {

  /** RE2's limit for one counted repetition and for nested ones multiplied together. */
  static final int MAX_REPEAT = 1000;

  private RegexSize() {}

  /** Whether the nested counted repetitions multiply to more than {@value #MAX_REPEAT}. */
  static boolean tooLarge(String pattern) {
    return repetition(pattern) > MAX_REPEAT;
  }

  /** The largest product of nested counted repetitions; capped just above {@value #MAX_REPEAT}. */
  static long repetition(String pattern) {
    long[] stack = new long[pattern.length() + 1];
    int depth = 0;
    long current = 1; // the largest product inside the group being read
    long previous = 1; // the product of the last atom or group, which a quantifier multiplies
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (pattern.startsWith("\\Q", i)) {
          int end = pattern.indexOf("\\E", i + 2);
          i = end < 0 ? pattern.length() : end + 2;
        } else {
          i += 2;
        }
        previous = 1;
      } else if (c == '[') {
        i = endOfClass(pattern, i);
        previous = 1;
      } else if (c == '(') {
        stack[depth++] = current;
        current = 1;
        i++;
        previous = 1;
      } else if (c == ')' && depth > 0) {
        previous = current;
        current = Math.max(stack[--depth], previous);
        i++;
      } else if (c == '{') {
        int[] bounds = new int[1];
        int end = countedRepeat(pattern, i, bounds);
        if (end < 0) {
          i++;
          previous = 1;
        } else {
          previous = Math.min(previous * Math.max(bounds[0], 1), MAX_REPEAT + 1L);
          current = Math.max(current, previous);
          i = end;
        }
      } else {
        i++;
        previous = 1;
      }
    }
    while (depth > 0) {
      current = Math.max(stack[--depth], current);
    }
    return current;
  }

  /** The index after a character class that starts at {@code start}. */
  private static int endOfClass(String pattern, int start) {
    int i = start + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++; // a ']' first in the class is a literal
    }
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (pattern.startsWith("[:", i)) {
        int end = pattern.indexOf(":]", i + 2);
        i = end < 0 ? i + 1 : end + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  /**
   * Reads {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code start}; puts the larger bound in
   * {@code bounds[0]} and returns the index after it, or -1 when the brace is a literal.
   */
  private static int countedRepeat(String pattern, int start, int[] bounds) {
    int close = pattern.indexOf('}', start);
    if (close < 0) {
      return -1;
    }
    String inside = pattern.substring(start + 1, close);
    if (!inside.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
      return -1;
    }
    int comma = inside.indexOf(',');
    String max = comma < 0 ? inside : inside.substring(comma + 1);
    bounds[0] = Integer.parseInt(max.isEmpty() ? inside.substring(0, comma) : max);
    return close + 1;
  }
}
