package dev.rampart.engine.internal.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * The time durations are measured against, as a fact of each session: the rules that read time
 * join it like any other fact, so their verdict is computed with it in one place.
 */
final class EvaluationTime {

  private final Instant now;

  EvaluationTime(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  Instant now() {
    return now;
  }
}
