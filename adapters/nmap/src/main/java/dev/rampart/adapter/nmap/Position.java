package dev.rampart.adapter.nmap;

import javax.xml.stream.Location;
import org.jspecify.annotations.Nullable;

/** A 1-based line and column in a scan file, as the XML parser reports them. */
record Position(int line, int column) {

  /** The position of a parser location, or {@code null} when the parser did not know it. */
  static @Nullable Position of(@Nullable Location location) {
    if (location == null || location.getLineNumber() <= 0) {
      return null;
    }
    return new Position(location.getLineNumber(), Math.max(location.getColumnNumber(), 1));
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
