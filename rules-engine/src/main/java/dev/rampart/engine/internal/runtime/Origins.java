package dev.rampart.engine.internal.runtime;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import org.jspecify.annotations.Nullable;

/** Where the values of the evaluated facts came from: the API's provenance, as the runtime asks it. */
@FunctionalInterface
public interface Origins {

  /** Knows nothing: evidence names no source, and nothing is looked up. */
  Origins NONE = (type, factId, path) -> null;

  /** The origin of the value at a path of a fact, relative to the fact; {@code null} when not known. */
  @Nullable Origin originOf(FactType type, String factId, FieldPath path);

  /** Why the fact stands in for a record its source could not read, or {@code null} for a fact read in full. */
  default @Nullable String unreadable(FactType type, String factId) {
    return null;
  }
}
