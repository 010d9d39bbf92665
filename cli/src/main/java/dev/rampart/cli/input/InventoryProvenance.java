package dev.rampart.cli.input;

import dev.rampart.engine.Provenance;
import dev.rampart.sources.Inventory;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import org.jspecify.annotations.Nullable;

/**
 * What an inventory tells the engine about its facts: the origin of each value, for evidence, and
 * which facts stand in for records a source could not read, whose results are UNKNOWN.
 */
public record InventoryProvenance(Inventory inventory) implements Provenance {

  @Override
  public @Nullable Origin originOf(FactType type, String factId, FieldPath path) {
    return inventory.originOf(type, factId, path);
  }

  @Override
  public @Nullable String unreadable(FactType type, String factId) {
    return inventory.unreadable(type, factId);
  }
}
