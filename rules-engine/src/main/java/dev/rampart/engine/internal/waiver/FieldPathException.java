package dev.rampart.engine.internal.waiver;

/** A field path names nothing a waiver can compare; carries the fix. */
public final class FieldPathException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String suggestion;

  FieldPathException(String message, String suggestion) {
    super(message);
    this.suggestion = suggestion;
  }

  /** How to fix the path. */
  public String suggestion() {
    return suggestion;
  }
}
