package dev.rampart.engine.internal.eval;

/** The value read for a field that no source reported, with the reason when it is not plain absence. */
final class Absent {

  static final Absent PLAIN = new Absent("");

  private final String reason;

  private Absent(String reason) {
    this.reason = reason;
  }

  static Absent because(String reason) {
    return new Absent(reason);
  }

  /** {@code absent}, or {@code absent (reason)}. */
  String render() {
    return reason.isEmpty() ? dev.rampart.engine.Evidence.ABSENT : dev.rampart.engine.Evidence.ABSENT + " (" + reason + ")";
  }
}
