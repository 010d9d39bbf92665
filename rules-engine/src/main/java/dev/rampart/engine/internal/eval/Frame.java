package dev.rampart.engine.internal.eval;

import dev.rampart.spi.fact.Fact;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything one rule needs to evaluate one fact: the fact, the facts its references resolved to
 * (one list per reference the rule follows), the group of facts sharing each unique-checked value,
 * and the evaluation time.
 */
public final class Frame {

  private static final List<?>[] NO_REFERENCES = new List<?>[0];
  private static final ValueGroup[] NO_GROUPS = new ValueGroup[0];

  final Fact fact;
  final List<?>[] references;
  final ValueGroup[] groups;
  final Instant now;
  /** Operands indexed once for this fact, by the check that built them; see {@link #indexed}. */
  private @Nullable Map<Object, Object> indexes;

  public Frame(Fact fact, List<?>[] references, ValueGroup[] groups, Instant now) {
    this.fact = fact;
    this.references = references;
    this.groups = groups;
    this.now = now;
  }

  /** The frame of a rule that joins nothing and reads no time: the fact alone. */
  public static Frame of(Fact fact) {
    return of(fact, Instant.EPOCH);
  }

  /** The frame of a rule that joins nothing: the fact, and the time durations are measured against. */
  public static Frame of(Fact fact, Instant now) {
    return new Frame(fact, NO_REFERENCES, NO_GROUPS, now);
  }

  public Fact fact() {
    return fact;
  }

  /**
   * What {@code build} makes, made once per frame for the key: a list operand indexed once for the
   * fact, however many elements of a quantifier compare with it.
   */
  Object indexed(Object key, Supplier<Object> build) {
    if (indexes == null) {
      indexes = new HashMap<>(4);
    }
    Object index = indexes.get(key);
    if (index == null) {
      index = build.get();
      indexes.put(key, index);
    }
    return index;
  }
}
