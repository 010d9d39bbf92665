package dev.rampart.engine.internal.eval;

import dev.rampart.engine.value.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a rule, evaluated for one fact, with its nested conditions.
 *
 * @param condition the condition as text, e.g. {@code noneOf services}
 * @param subject what it was applied to: empty for the fact itself, else the list element
 * @param value its value for the fact
 * @param evidence for a leaf, the field read, its actual value and what was expected
 * @param children the nested conditions; for a quantifier, its condition once per element
 */
public record ExplainedCondition(
    String condition, String subject, Value value, List<Evidence> evidence, List<ExplainedCondition> children) {

  public ExplainedCondition {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(value, "value");
    evidence = List.copyOf(evidence);
    children = List.copyOf(children);
  }

  /** The value of a condition: a truth value, or ERROR when it could not be evaluated. */
  public enum Value {
    HOLDS,
    FAILS,
    UNKNOWN,
    ERROR
  }
}
