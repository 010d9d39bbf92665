package dev.rampart.packtesting;

import dev.rampart.engine.value.DisabledRule;
import java.util.Objects;

/**
 * A base rule that the pack under test does not evaluate, and which pack of its chain switched it off.
 *
 * @param rule the disabled rule, with the reason given
 * @param packId the pack whose {@code disable} names it: the pack under test or one of its bases
 */
record Disabling(DisabledRule rule, String packId) {

  Disabling {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(packId, "packId");
  }

  /** How messages name who disabled it, seen from the pack under test. */
  String by(String testedPackId) {
    return packId.equals(testedPackId) ? "this pack" : "base pack '" + packId + "'";
  }
}
