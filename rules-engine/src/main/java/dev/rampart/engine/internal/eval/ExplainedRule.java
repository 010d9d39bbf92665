package dev.rampart.engine.internal.eval;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule's verdict for one fact with the condition trees that decided it.
 *
 * @param judgement the verdict, as evaluation computes it (a NOT_APPLICABLE one says why)
 * @param applicability the {@code when} tree, or {@code null} when the rule has none
 * @param assertion the {@code assert} tree
 */
public record ExplainedRule(Judgement judgement, @Nullable ExplainedCondition applicability, ExplainedCondition assertion) {

  public ExplainedRule {
    Objects.requireNonNull(judgement, "judgement");
    Objects.requireNonNull(assertion, "assertion");
  }
}
