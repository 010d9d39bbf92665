package dev.rampart.engine.internal.eval;

import dev.rampart.engine.value.Evidence;
import java.util.List;

/**
 * A truth value with the evidence behind it; without explanation the evidence is empty and the
 * verdict is a shared constant, so plain evaluation allocates nothing.
 */
record Verdict(Truth truth, List<Evidence> evidence) {

  static final Verdict TRUE = new Verdict(Truth.TRUE, List.of());
  static final Verdict FALSE = new Verdict(Truth.FALSE, List.of());
  static final Verdict UNKNOWN = new Verdict(Truth.UNKNOWN, List.of());

  static Verdict bare(Truth truth) {
    return switch (truth) {
      case TRUE -> TRUE;
      case FALSE -> FALSE;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
