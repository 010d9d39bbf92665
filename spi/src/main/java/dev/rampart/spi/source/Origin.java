package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a value came from: the source that reported it, the place in that source, and when the
 * source collected it. Every fact a source yields carries one; after merging, every field of a
 * merged fact keeps the origin of the value that was chosen.
 *
 * @param sourceId id of the source type, e.g. {@code inventory} or {@code nmap}
 * @param location the file path or URL read
 * @param line 1-based line where the fact is defined, or 0 when the source has no lines
 * @param column 1-based column, or 0 when the source has no columns
 * @param collectedAt when the source observed the data (a scan's start, a file's modification
 *     time, an API response's date), or {@code null} when the source does not say
 */
@API(status = STABLE, since = "0.1")
public record Origin(String sourceId, String location, int line, int column, @Nullable Instant collectedAt) {

  public Origin {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(location, "location");
  }

  /** An origin with a place but no collection time. */
  public Origin(String sourceId, String location, int line, int column) {
    this(sourceId, location, line, column, null);
  }

  /** An origin with no line information, such as a REST API record. */
  public static Origin of(String sourceId, String location) {
    return new Origin(sourceId, location, 0, 0, null);
  }

  /** The same origin with a collection time. */
  public Origin collectedAt(Instant when) {
    return new Origin(sourceId, location, line, column, Objects.requireNonNull(when, "when"));
  }

  /** {@code file:line:column}, or just the location when lines are unknown. */
  @Override
  public String toString() {
    return line > 0 ? location + ":" + line + ":" + column : location;
  }

  /** The source and place, e.g. {@code nmap:scan.xml:12:3}, for evidence. */
  public String describe() {
    return sourceId + ":" + this;
  }

  /** Helper for messages: the origin's text, or a fallback. */
  public static String describe(@Nullable Origin origin, String fallback) {
    return origin == null ? fallback : origin.toString();
  }
}
