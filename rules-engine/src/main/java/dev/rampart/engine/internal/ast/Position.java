package dev.rampart.engine.internal.ast;

/** A place in a pack file: 1-based line and column. */
public record Position(int line, int column) {

  public static final Position UNKNOWN = new Position(0, 0);
}
