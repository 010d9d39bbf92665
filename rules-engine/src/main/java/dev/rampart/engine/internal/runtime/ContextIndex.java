package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The networks, vendors and deployments of an evaluation, by id, so that a shard of devices gets
 * only the facts its devices refer to: a device rule reaches other facts through references alone,
 * so the rest would only be inserted and never joined.
 */
final class ContextIndex {

  private static final List<Function<Object, Object>> DEVICE_REFERENCES = new ArrayList<>();
  private static final List<FactType> DEVICE_TARGETS = new ArrayList<>();

  static {
    for (Field field : Schemas.of(FactType.DEVICE).fields().values()) {
      if (field.kind() == FieldKind.REF_ONE || field.kind() == FieldKind.REF_MANY) {
        DEVICE_REFERENCES.add(field.accessor());
        DEVICE_TARGETS.add(field.target());
      }
    }
  }

  private final Map<FactType, Map<String, Fact>> byId = new EnumMap<>(FactType.class);

  ContextIndex(Collection<? extends Fact> context) {
    for (Fact fact : context) {
      byId.computeIfAbsent(fact.type(), type -> new HashMap<>()).putIfAbsent(fact.id(), fact);
    }
  }

  /** The facts the devices refer to, each once. */
  List<Fact> referencedBy(List<Fact> devices) {
    Set<Fact> found = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Fact> referenced = new ArrayList<>();
    for (Fact device : devices) {
      for (int i = 0; i < DEVICE_REFERENCES.size(); i++) {
        Object value = DEVICE_REFERENCES.get(i).apply(device);
        Map<String, Fact> targets = byId.getOrDefault(DEVICE_TARGETS.get(i), Map.of());
        if (value instanceof List<?> ids) {
          for (Object id : ids) {
            add(targets.get(String.valueOf(id)), found, referenced);
          }
        } else if (value != null) {
          add(targets.get(String.valueOf(value)), found, referenced);
        }
      }
    }
    return referenced;
  }

  private static void add(Fact fact, Set<Fact> found, List<Fact> referenced) {
    if (fact != null && found.add(fact)) {
      referenced.add(fact);
    }
  }
}
