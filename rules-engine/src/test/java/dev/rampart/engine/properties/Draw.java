package dev.rampart.engine.properties;

import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random choices drawn from QuickTheories' randomness source, so that generated values shrink: every
 * choice shrinks towards its first option, which the generators make the simplest one.
 */
final class Draw {

  private final RandomnessSource source;

  Draw(RandomnessSource source) {
    this.source = source;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  int between(int min, int max) {
    return (int) source.next(Constraint.between(min, max));
  }

  /** True with probability one in {@code n}. */
  boolean oneIn(int n) {
    return between(0, n - 1) == n - 1;
  }

  <T> T pick(List<T> options) {
    return options.get(between(0, options.size() - 1));
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[between(0, options.length - 1)];
  }
}
