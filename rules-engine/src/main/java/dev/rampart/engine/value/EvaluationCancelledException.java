package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An evaluation, a session's report or a streaming evaluation was stopped before it finished: its
 * thread was interrupted, or a session's report ran past the engine's time limit. Nothing it had
 * found is reported, and none of its work is left running. When a thread was interrupted, its
 * interrupt flag stays set.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EvaluationCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EvaluationCancelledException(String message) {
    super(message);
  }
}
