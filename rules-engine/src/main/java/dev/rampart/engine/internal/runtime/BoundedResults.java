package dev.rampart.engine.internal.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The results of an evaluation bounded by a fact or time limit.
 *
 * @param results the results of the facts evaluated
 * @param incompleteReason why it stopped early, e.g. {@code stopped at the fact limit of 10: 10 of 12
 *     facts evaluated}; {@code null} when every fact was evaluated
 */
public record BoundedResults(ResultTable results, @Nullable String incompleteReason) {

  public BoundedResults {
    Objects.requireNonNull(results, "results");
  }
}
