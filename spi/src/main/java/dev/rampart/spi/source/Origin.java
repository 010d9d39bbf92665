package dev.rampart.spi.source;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a fact came from: the source that reported it and the place in that source.
 *
 * @param sourceId id of the source type, e.g. {@code inventory} or {@code nmap}
 * @param location the file path or URL read
 * @param line 1-based line where the fact is defined, or 0 when the source has no lines
 * @param column 1-based column, or 0 when the source has no columns
 */
public record Origin(String sourceId, String location, int line, int column) {

  public Origin {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(location, "location");
  }

  /** An origin with no line information, such as a REST API record. */
  public static Origin of(String sourceId, String location) {
    return new Origin(sourceId, location, 0, 0);
  }

  /** {@code file:line:column}, or just the location when lines are unknown. */
  @Override
  public String toString() {
    return line > 0 ? location + ":" + line + ":" + column : location;
  }

  /** Helper for messages: the origin's text, or a fallback. */
  public static String describe(@Nullable Origin origin, String fallback) {
    return origin == null ? fallback : origin.toString();
  }
}
