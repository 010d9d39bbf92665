package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A 1-based line and column in an input file, as its parser reports them; problems and origins name
 * places with it.
 */
@API(status = INTERNAL, since = "0.1")
public record TextPosition(int line, int column) {

  public TextPosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("a position is 1-based: line " + line + ", column " + column);
    }
  }

  /** {@code LINE:COLUMN}, as a place follows a file's name. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
