package dev.rampart.engine.internal.eval;

/** A compiled condition. */
interface Check {

  /**
   * Evaluates the condition.
   *
   * @param frame the fact and its joined data
   * @param current the object paths are relative to: the fact, or a list element
   * @param prefix how {@code current} is named in evidence, e.g. {@code services[2].}; only used
   *     when explaining
   * @param explain whether to collect evidence; without it nothing is allocated
   */
  Verdict eval(Frame frame, Object current, String prefix, boolean explain);
}
