package dev.rampart.engine.internal.eval;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FieldPath;

/**
 * The selection of a {@code uniqueAmong} check, compiled: which of the facts sharing a value count.
 * It reads only the fact's own fields (the loader refuses references, clock operators and uniqueness
 * in it), so it is decided from the fact alone, once per fact a group-by accumulates.
 */
public final class GroupSelector {

  private static final FieldPath ROOT = FieldPath.root();

  private final Check condition;

  GroupSelector(Check condition) {
    this.condition = condition;
  }

  /** How a fact with the value takes part in the group. */
  public enum Membership {
    /** The selection holds for it. */
    COUNTED,
    /** The selection is UNKNOWN for it: it may count. */
    UNDECIDED,
    /** The selection does not hold for it. */
    LEFT_OUT
  }

  public Membership membership(Fact fact) {
    Truth truth;
    try {
      truth = condition.eval(Frame.of(fact), fact, ROOT, false).truth();
    } catch (RuntimeException e) {
      // a condition that cannot be evaluated for the fact decides nothing about it
      truth = Truth.UNKNOWN;
    }
    return switch (truth) {
      case TRUE -> Membership.COUNTED;
      case UNKNOWN -> Membership.UNDECIDED;
      case FALSE -> Membership.LEFT_OUT;
    };
  }
}
