package dev.rampart.engine.internal.eval;

import dev.rampart.spi.fact.FieldPath;

/** A compiled condition. */
interface Check {

  /**
   * Evaluates the condition.
   *
   * @param frame the fact and its joined data
   * @param current the object paths are relative to: the fact, or a list element
   * @param prefix how {@code current} is named in evidence, e.g. {@code services[2]}; the root for
   *     the fact itself; only used when explaining
   * @param explain whether to collect evidence; without it nothing is allocated
   */
  Verdict eval(Frame frame, Object current, FieldPath prefix, boolean explain);
}
