package dev.rampart.engine.internal.eval;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of one rule for one fact, computed once and handed on as it is: to the result table,
 * to truth maintenance and to an explanation.
 *
 * @param outcome PASS, FAIL, UNKNOWN, NOT_APPLICABLE or ERROR
 * @param message the rule's message with the fact's values, or why the outcome is UNKNOWN or ERROR
 * @param evidence what decided a FAIL, UNKNOWN or ERROR; empty otherwise
 */
public record Judgement(Outcome outcome, String message, List<Evidence> evidence) {

  public Judgement {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
  }

  /** The outcome alone: the message and evidence quote the fact's values, and Drools logs this at TRACE. */
  @Override
  public String toString() {
    return "Judgement[outcome=" + outcome + "]";
  }

  /** Whether this verdict is something to act on or report apart from a pass: anything but PASS. */
  public boolean isReported() {
    return outcome != Outcome.PASS;
  }
}
