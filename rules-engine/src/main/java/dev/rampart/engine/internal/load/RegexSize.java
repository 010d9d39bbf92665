package dev.rampart.engine.internal.load;

/**
 * Measures how large a regular expression compiles, before it is compiled: how far its counted
 * repetitions multiply, e.g. 100 × 100 for {@code (a{100}){100}}, and about how many instructions
 * its program has. RE2 refuses a product above {@value #MAX_REPEAT} and a program over its memory
 * budget; RE2/J checks neither, and compiling {@code ((a{1000}){1000}){1000}}, or {@code .{1000}}
 * written 100,000 times, would exhaust the heap, so the loader checks before compiling.
 */
final class RegexSize {

  /** RE2's limit for one counted repetition and for nested ones multiplied together. */
  static final int MAX_REPEAT = 1000;

  /**
   * The most instructions one pattern may compile to: RE2's default memory budget allows about as
   * many, and {@code matches} costs time in proportion to them for every character it reads.
   */
  public static final int MAX_PROGRAM = 100_000;

  /** The most instructions all the patterns of one pack may compile to together. */
  public static final int MAX_PACK_PROGRAM = 1_000_000;

  // far above every limit, and far below overflow when multiplied by a repetition count
  private static final long CAP = 1L << 40;

  private RegexSize() {}

  /**
   * About how many instructions RE2 compiles the pattern to (an upper bound for the patterns it
   * accepts): one per character, class, assertion or quantifier, a counted repetition copying
   * what it repeats, a group costing two and an alternative one. Read without recursion, so any
   * nesting depth is measured in linear time; capped far above {@link #MAX_PROGRAM}.
   */
  static long programSize(String pattern) {
    long[] stack = new long[4 * 16];
    int depth = 0;
    long done = 0; // the completed alternatives of the group being read, with their instructions
    long concat = 0; // the current alternative, without its last atom
    long last = 0; // the last atom or group, which a quantifier applies to
    boolean capture = false;
    int[] bounds = new int[1];
    int repeatEnd;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '(') {
        if (4 * depth + 4 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        boolean flagsOnly = pattern.startsWith("(?", i) && !pattern.startsWith("(?P<", i) && !pattern.startsWith("(?<", i);
        int close = flagsOnly ? flagsEnd(pattern, i + 2) : -1;
        if (close >= 0 && pattern.charAt(close) == ')') {
          i = close + 1; // (?i) changes flags and compiles to nothing
          continue;
        }
        stack[4 * depth] = done;
        stack[4 * depth + 1] = add(concat, last);
        stack[4 * depth + 2] = capture ? 1 : 0;
        depth++;
        capture = !flagsOnly;
        done = 0;
        concat = 0;
        last = 0;
        i = flagsOnly ? (close < 0 ? i + 2 : close + 1) : pattern.startsWith("(?P<", i) || pattern.startsWith("(?<", i) ? nameEnd(pattern, i) : i + 1;
      } else if (c == ')' && depth > 0) {
        long group = add(add(done, add(concat, last)), capture ? 2 : 0);
        depth--;
        done = stack[4 * depth];
        concat = stack[4 * depth + 1];
        capture = stack[4 * depth + 2] == 1;
        last = group;
        i++;
      } else if (c == '|') {
        done = add(done, add(add(concat, last), 1));
        concat = 0;
        last = 0;
        i++;
      } else if (c == '*' || c == '+' || c == '?') {
        last = add(last, 1);
        i++;
      } else if (c == '{' && (repeatEnd = countedRepeat(pattern, i, bounds)) >= 0) {
        last = add(Math.min(CAP, last * Math.max(bounds[0], 1)), 1);
        i = repeatEnd < pattern.length() && pattern.charAt(repeatEnd) == '?' ? repeatEnd + 1 : repeatEnd; // x{n}? is lazy
      } else {
        concat = add(concat, last);
        last = 1;
        if (c == '\\' && pattern.startsWith("\\Q", i)) {
          int end = pattern.indexOf("\\E", i + 2);
          int stop = end < 0 ? pattern.length() : end;
          last = Math.max(1, stop - (i + 2));
          i = end < 0 ? pattern.length() : end + 2;
        } else if (c == '\\') {
          i = escapeEnd(pattern, i);
        } else if (c == '[') {
          i = endOfClass(pattern, i);
        } else {
          i++;
        }
      }
    }
    long size = add(done, add(concat, last));
    while (depth > 0) {
      depth--;
      size = add(add(stack[4 * depth], stack[4 * depth + 1]), add(size, 2));
    }
    return add(size, 1);
  }

  /** Whether the pattern would compile to more than {@value #MAX_PROGRAM} instructions. */
  static boolean programTooLarge(String pattern) {
    return programSize(pattern) > MAX_PROGRAM;
  }

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

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  /** The index of the ')' or ':' that ends the flags of a group starting "(?", or -1. */
  private static int flagsEnd(String pattern, int start) {
    int i = start;
    while (i < pattern.length() && (Character.isLetter(pattern.charAt(i)) || pattern.charAt(i) == '-')) {
      i++;
    }
    return i < pattern.length() && (pattern.charAt(i) == ')' || pattern.charAt(i) == ':') ? i : -1;
  }

  /** The index after the '>' of a named group's name. */
  private static int nameEnd(String pattern, int start) {
    int end = pattern.indexOf('>', start);
    return end < 0 ? pattern.length() : end + 1;
  }

  /** The index after an escape such as {@code \d}, {@code \pL}, {@code \p{Greek}} or {@code \x{263a}}. */
  private static int escapeEnd(String pattern, int start) {
    int i = start + 1;
    if (i < pattern.length() && "pPx".indexOf(pattern.charAt(i)) >= 0 && i + 1 < pattern.length()
        && pattern.charAt(i + 1) == '{') {
      int end = pattern.indexOf('}', i);
      return end < 0 ? pattern.length() : end + 1;
    }
    if (i < pattern.length() && "pP".indexOf(pattern.charAt(i)) >= 0) {
      return Math.min(pattern.length(), i + 2);
    }
    return Math.min(pattern.length(), i + 1);
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
