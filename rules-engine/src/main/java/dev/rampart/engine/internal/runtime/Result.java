package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Judgement;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.FactType;
import java.util.Objects;

/**
 * One rule's verdict for one fact, as the runtime holds it; the API maps it to its {@code RuleResult}.
 *
 * @param rule the rule's index in the compiled program's rule list
 * @param factType the type of the fact
 * @param factId the id of the fact
 * @param judgement the verdict
 */
public record Result(int rule, FactType factType, String factId, Judgement judgement) {

  public Result {
    Objects.requireNonNull(factType, "factType");
    Objects.requireNonNull(factId, "factId");
    Objects.requireNonNull(judgement, "judgement");
  }

  public Outcome outcome() {
    return judgement.outcome();
  }

  /** Whether this result is something to act on: FAIL, UNKNOWN or ERROR. */
  public boolean isFinding() {
    Outcome outcome = judgement.outcome();
    return outcome == Outcome.FAIL || outcome == Outcome.UNKNOWN || outcome == Outcome.ERROR;
  }
}
