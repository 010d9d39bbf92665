package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The result of one rule for one fact. Missing evidence is UNKNOWN, never PASS. */
@API(status = STABLE, since = "0.1")
public enum Outcome {
  /** The fact complies. */
  PASS,
  /** The fact violates the rule. */
  FAIL,
  /** The evidence needed to decide is missing. */
  UNKNOWN,
  /** The rule's {@code when} condition does not hold for this fact. */
  NOT_APPLICABLE,
  /** The rule could not be evaluated for this fact (a defect in the pack or the engine). */
  ERROR
}
