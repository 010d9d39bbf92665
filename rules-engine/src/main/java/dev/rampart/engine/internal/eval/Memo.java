package dev.rampart.engine.internal.eval;

import org.jspecify.annotations.Nullable;

/**
 * A small, lossy memo of a pure text predicate, for the tests that cost far more than a lookup
 * (regular expressions, version parsing). Fleets repeat the same values (firmware versions, policy
 * actions) across thousands of facts, so a fixed table of recent answers removes most of the work
 * while holding at most {@link #SLOTS} short strings.
 *
 * <p>Safe to share between threads without locks: a slot holds an immutable entry, which a reader
 * sees whole or not at all; a lost race only costs a recomputation.
 */
final class Memo {

  static final int SLOTS = 1024;
  /** Longer texts are tested every time rather than kept. */
  static final int MAX_KEY_LENGTH = 128;

  private final @Nullable Entry[] slots = new Entry[SLOTS];

  /** The remembered answer for {@code text}, or null when there is none. */
  @Nullable Boolean get(String text) {
    Entry entry = slots[slot(text)];
    return entry != null && entry.text.equals(text) ? entry.answer : null;
  }

  void put(String text, boolean answer) {
    if (text.length() <= MAX_KEY_LENGTH) {
      slots[slot(text)] = new Entry(text, answer);
    }
  }

  private static int slot(String text) {
    int h = text.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private record Entry(String text, boolean answer) {}
}
