package dev.rampart.spi.source;

import dev.rampart.spi.fact.Fact;

/** Receives facts as a source reads them, so very large fleets never need to be held as raw text. */
@FunctionalInterface
public interface FactSink {

  /** Accepts one fact and where it was defined. */
  void accept(Fact fact, Origin origin);
}
