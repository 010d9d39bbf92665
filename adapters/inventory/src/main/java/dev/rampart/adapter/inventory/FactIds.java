package dev.rampart.adapter.inventory;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.TextPosition;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ids seen so far in one file, per fact type, to report duplicates with both places.
 *
 * <p>This is the one thing the reader keeps per fact: an id and a position, not the fact itself.
 */
final class FactIds {

  private final Map<FactType, Map<String, TextPosition>> seen = new EnumMap<>(FactType.class);

  /** Records an id; returns where it was first defined if it was seen before, else {@code null}. */
  @Nullable TextPosition firstDefinition(FactType type, String id, TextPosition at) {
    return seen.computeIfAbsent(type, unused -> new HashMap<>()).putIfAbsent(id, at);
  }
}
