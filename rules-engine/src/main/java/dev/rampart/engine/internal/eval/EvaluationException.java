package dev.rampart.engine.internal.eval;

import dev.rampart.engine.value.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * A value could not be evaluated; the result becomes ERROR with this message and, once the leaf
 * that met the value has named it, the evidence of the field, the value and what was expected.
 */
final class EvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final transient @Nullable Evidence evidence;

  public EvaluationException(String reason) {
    this(reason, null);
  }

  private EvaluationException(String reason, @Nullable Evidence evidence) {
    super(evidence == null ? reason : evidence.field() + ": " + reason);
    this.reason = reason;
    this.evidence = evidence;
  }

  /** The same failure attributed to a field, unless a nested condition already named one. */
  EvaluationException at(Evidence evidence) {
    return this.evidence != null ? this : new EvaluationException(reason, evidence);
  }

  /** The failure as a {@code not} around its condition sees it. */
  EvaluationException negated() {
    return evidence == null ? this : new EvaluationException(reason, evidence.negated());
  }

  /** The failure met in the rule's {@code when}. */
  EvaluationException inApplicability() {
    return evidence == null ? this : new EvaluationException(reason, evidence.ofApplicability());
  }

  /** The field, value and expectation that could not be evaluated, when known. */
  public @Nullable Evidence evidence() {
    return evidence;
  }

  /** Why, without the field: {@code cannot order ...}. */
  public String reason() {
    return reason;
  }
}
