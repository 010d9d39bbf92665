package dev.rampart.engine.internal.eval;

import dev.rampart.spi.fact.Fact;
import java.time.Instant;
import java.util.List;

/**
 * Everything one rule needs to evaluate one fact: the fact, the facts its references resolved to
 * (one list per reference the rule follows), the group of facts sharing each unique-checked value,
 * and the evaluation time.
 */
public final class Frame {

  final Fact fact;
  final List<?>[] references;
  final ValueGroup[] groups;
  final Instant now;

  public Frame(Fact fact, List<?>[] references, ValueGroup[] groups, Instant now) {
    this.fact = fact;
    this.references = references;
    this.groups = groups;
    this.now = now;
  }

  public Fact fact() {
    return fact;
  }
}
