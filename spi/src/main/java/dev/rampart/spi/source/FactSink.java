package dev.rampart.spi.source;

import dev.rampart.spi.fact.Fact;

/** Receives facts as a source reads them, so very large fleets never need to be held as raw text. */
@FunctionalInterface
public interface FactSink {

  /** Accepts one fact and where it was defined. */
  void accept(Fact fact, Origin origin);

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
}
