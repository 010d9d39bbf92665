package dev.rampart.engine;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import org.jspecify.annotations.Nullable;

/** The provenance that knows nothing: an evaluation without it does no lookups at all. */
enum NoProvenance implements Provenance {
  INSTANCE;

  @Override
  public @Nullable Origin originOf(FactType type, String factId, FieldPath path) {
    return null;
  }
}
