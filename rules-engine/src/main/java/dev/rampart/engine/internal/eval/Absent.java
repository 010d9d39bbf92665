package dev.rampart.engine.internal.eval;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.EvidenceText;

/** The value read for a field that no source reported, with the reason when it is not plain absence. */
final class Absent {

  static final Absent PLAIN = new Absent(Evidence.Actual.absent());

  private final Evidence.Actual actual;

  private Absent(Evidence.Actual actual) {
    this.actual = actual;
  }

  static Absent because(String reason) {
    return new Absent(Evidence.Actual.absent(reason));
  }

  /** The absence as evidence holds it. */
  Evidence.Actual actual() {
    return actual;
  }

  /** {@code absent}, or {@code absent (reason)}. */
  String render() {
    return EvidenceText.actual(actual);
  }
}
