package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.ExplainedCondition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule's result for one fact with the condition trees that decided it.
 *
 * @param result the result, as an evaluation computes it (a NOT_APPLICABLE one says why)
 * @param applicability the {@code when} tree, or {@code null} when the rule has none
 * @param assertion the {@code assert} tree
 */
public record ExplainedResult(Result result, @Nullable ExplainedCondition applicability, ExplainedCondition assertion) {

  public ExplainedResult {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(assertion, "assertion");
  }
}
