package dev.rampart.adaptersupport.json;

import com.fasterxml.jackson.core.JsonLocation;
import org.jspecify.annotations.Nullable;

/** A 1-based line and column in a file. */
public record Position(int line, int column) {

  /** The position of a parser location, or {@code null} when the parser did not know it. */
  public static @Nullable Position of(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return null;
    }
    return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 1));
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
