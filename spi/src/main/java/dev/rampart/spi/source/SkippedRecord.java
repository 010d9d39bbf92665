package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.spi.fact.FactType;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A record of a source that could not be read while the records around it could: a device entry
 * with a value no vocabulary knows, a twin that is not an object, a host element without an
 * address. The source hands the good records on and reports each bad one as one of these, so the
 * caller decides: by default the source fails and names every skipped record; with partial reading
 * allowed, the good records are evaluated, the skipped ones are listed in every report, and the
 * fact a skipped record would have supplied (when its type and id are known) is evaluated with
 * every field unknown, so that its rules are UNKNOWN rather than absent.
 *
 * @param origin where the record is: the source, the file or URL, and the line and column where there are lines
 * @param type the type of fact the record would have supplied, or {@code null} when the source cannot tell
 * @param factId the id the fact would have had, or {@code null} when the record's id could not be read
 * @param problems what is wrong with it, each a complete line with its place, the value and the fix; at least one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SkippedRecord(Origin origin, @Nullable FactType type, @Nullable String factId, List<String> problems) {

  public SkippedRecord {
    Objects.requireNonNull(origin, "origin");
    problems = problems.stream().map(DisplayText::escape).toList();
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a skipped record needs at least one problem");
    }
    if (factId != null && type == null) {
      throw new IllegalArgumentException("a skipped record with a fact id needs the fact's type");
    }
  }

  /** A skipped record whose fact is known: its rules become UNKNOWN when partial reading is allowed. */
  public static SkippedRecord of(Origin origin, FactType type, String factId, List<String> problems) {
    return new SkippedRecord(origin, type, Objects.requireNonNull(factId, "factId"), problems);
  }

  /** A skipped record that cannot say which fact it was: it is listed, and nothing stands in for it. */
  public static SkippedRecord unidentified(Origin origin, List<String> problems) {
    return new SkippedRecord(origin, null, null, problems);
  }

  /** What it would have been, e.g. {@code device 'cam-03'}, or {@code a record} when that is unknown. */
  public String describeFact() {
    if (type == null) {
      return "a record";
    }
    return factId == null ? "a " + type.wireName() : type.wireName() + " '" + factId + "'";
  }
}
