package dev.rampart.engine.internal.eval;

/** A value could not be evaluated; the result becomes ERROR with this message. */
public final class EvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }
}
