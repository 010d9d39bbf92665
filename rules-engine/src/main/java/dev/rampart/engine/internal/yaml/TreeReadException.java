package dev.rampart.engine.internal.yaml;

/** A document could not be parsed; carries the position and a plain explanation. */
public final class TreeReadException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TreeReadException(int line, int column, String message) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
