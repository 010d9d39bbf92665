package dev.rampart.engine.internal.drools;

import java.time.Instant;
import java.util.Objects;

/** The evaluation time of one session, given to rules as a Drools global. */
public final class EvaluationTime {

  /** The global's name. */
  static final String GLOBAL = "evaluationTime";

  private final Instant now;

  public EvaluationTime(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  public Instant now() {
    return now;
  }
}
