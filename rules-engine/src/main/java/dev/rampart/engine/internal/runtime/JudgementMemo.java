package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.spi.fact.Fact;
import org.jspecify.annotations.Nullable;

/**
 * The verdicts a self-contained rule's alpha filter reached for facts it let through, kept for the
 * rule's consequence so that the verdict, evidence and all, is computed once. A verdict of such a
 * rule depends on the fact alone, so this is a memo of a pure function: small and lossy, keyed by
 * the fact's identity; a slot taken by another fact only costs computing the verdict again.
 *
 * <p>Safe to share between threads without locks: a slot holds an immutable entry, which a reader
 * sees whole or not at all.
 */
final class JudgementMemo {

  private static final int SLOTS = 4096;

  private final @Nullable Entry[] slots = new Entry[SLOTS];

  void put(Fact fact, Judgement judgement) {
    slots[slot(fact)] = new Entry(fact, judgement);
  }

  /** The verdict kept for this very fact, or null. */
  @Nullable Judgement get(Fact fact) {
    Entry entry = slots[slot(fact)];
    return entry != null && entry.fact == fact ? entry.judgement : null;
  }

  private static int slot(Fact fact) {
    int h = System.identityHashCode(fact);
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private record Entry(Fact fact, Judgement judgement) {}
}
