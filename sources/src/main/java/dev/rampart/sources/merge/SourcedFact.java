package dev.rampart.sources.merge;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import java.util.Objects;

/**
 * A fact as one source reported it.
 *
 * @param fact the fact
 * @param origin where the source defined it
 */
public record SourcedFact(Fact fact, Origin origin) {

  public SourcedFact {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(origin, "origin");
  }
}
