package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.Fact;
import org.apiguardian.api.API;

/**
 * Receives facts as a source reads them, so very large fleets never need to be held as raw text, with
 * the problems that did not stop the read and the records that were skipped.
 */
@API(status = STABLE, since = "0.1")
@FunctionalInterface
public interface FactSink {

  /** Accepts one fact and where it was defined. */
  void accept(Fact fact, Origin origin);

  /**
   * Whether this sink keeps the facts it accepts. A source may spend time making kept facts small
   * (handing out one instance for equal parts of many facts, say); a sink that lets each fact go once
   * it is judged, as a streaming evaluation does, returns {@code false} and spares the source that
   * work. The facts handed over are equal either way.
   */
  default boolean keepsFacts() {
    return true;
  }

  /**
   * Takes a problem that did not stop the read: a part of the source that could not be read (for
   * example a call the reading identity lacks the permission for), whose fields stay unknown
   * ({@code null}) in the facts handed on, so that the rules over them are UNKNOWN. A problem that
   * makes the facts wrong or incomplete in a way they cannot say is a {@link SourceException}
   * instead.
   *
   * <p>Sinks that report to a user keep these problems; the default drops them, which loses the
   * explanation but never changes a verdict.
   *
   * @param problem a complete line naming the source, the place, what is unknown and the fix
   */
  default void problem(String problem) {
    // a sink that does not report problems has nothing to do with one
  }

  /**
   * Takes a record the source could not read while it goes on reading the others. A source calls
   * this once per bad record and hands every good record on; it throws a {@link SourceException}
   * instead when the input as a whole cannot be read (not the format, not a file, no records at all).
   *
   * <p>The default fails the read at the first skipped record, with its problems, which is what a
   * caller that does not list skipped records needs: nothing is lost without a word. A caller that
   * allows partial reading (as {@code --allow-partial} does) keeps them, and lists them.
   *
   * @throws SourceException when this sink does not accept partial reads
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default void skipped(SkippedRecord record) throws SourceException {
    throw new SourceException(record.problems());
  }
}
