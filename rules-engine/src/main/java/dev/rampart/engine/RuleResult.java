package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.FactType;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one rule for one fact, with the evidence that decided it.
 *
 * @param rule the rule evaluated
 * @param factType the type of the fact evaluated
 * @param factId the id of the fact evaluated
 * @param outcome PASS, FAIL, UNKNOWN, NOT_APPLICABLE or ERROR
 * @param message the rule's message with fact fields filled in, or why the result is UNKNOWN or ERROR
 * @param evidence the conditions that decided a FAIL, UNKNOWN or ERROR; empty for PASS and N/A
 */
@API(status = STABLE, since = "0.1")
public record RuleResult(
    Rule rule, FactType factType, String factId, Outcome outcome, String message, List<Evidence> evidence) {

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(factType, "factType");
    Objects.requireNonNull(factId, "factId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
  }

  /** Whether this result is something to act on: FAIL, UNKNOWN or ERROR. */
  public boolean isFinding() {
    return outcome == Outcome.FAIL || outcome == Outcome.UNKNOWN || outcome == Outcome.ERROR;
  }
}
