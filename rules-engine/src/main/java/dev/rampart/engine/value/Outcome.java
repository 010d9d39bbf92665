package dev.rampart.engine.value;

/** The result of one rule for one fact. Missing evidence is UNKNOWN, never PASS. */
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
