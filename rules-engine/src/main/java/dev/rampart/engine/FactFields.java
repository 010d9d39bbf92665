package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The leaf fields of each fact type, derived from the fact model's records as rule validation
 * sees them, and which of them a fact fills: what a source can and cannot tell. A leaf is a value
 * with no fields of its own; a field of the elements of a list is written with {@code []}, e.g.
 * {@code services[].port}, a nested record's with a dot, e.g. {@code credentials.defaultPassword}. A
 * list of plain values ({@code ipAddresses}) and a map ({@code attributes}) are leaves themselves.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FactFields {

  private static final Map<FactType, List<Leaf>> LEAVES = leavesOfEveryType();

  private FactFields() {}

  /** Every leaf field of the type, in the order the fact model declares them, e.g. {@code services[].port}. */
  public static List<String> leafPaths(FactType type) {
    return LEAVES.get(type).stream().map(Leaf::path).toList();
  }

  /**
   * The leaf fields this fact fills, in declaration order: a field is filled when its value is known
   * ({@code null} is unknown); a field of list elements when any element's is; a map when it holds an entry.
   */
  public static Set<String> filledLeafPaths(Fact fact) {
    Set<String> filled = new LinkedHashSet<>();
    for (Leaf leaf : LEAVES.get(fact.type())) {
      if (leaf.filled().test(fact)) {
        filled.add(leaf.path());
      }
    }
    return filled;
  }

  private static Map<FactType, List<Leaf>> leavesOfEveryType() {
    Map<FactType, List<Leaf>> all = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      all.put(type, List.copyOf(leaves(Schemas.of(type))));
    }
    return all;
  }

  private static List<Leaf> leaves(TypeSchema schema) {
    List<Leaf> leaves = new ArrayList<>();
    for (Field field : schema.fields().values()) {
      if (field.kind() == FieldKind.REF_ONE || field.kind() == FieldKind.REF_MANY) {
        continue; // the same value as the component that holds the ids (vendorId for vendor)
      }
      Field element = field.element();
      TypeSchema nested = field.object();
      if (field.kind() == FieldKind.OBJECT && nested != null) {
        for (Leaf inner : leaves(nested)) {
          leaves.add(new Leaf(field.name() + "." + inner.path(), owner -> {
            Object value = field.accessor().apply(owner);
            return value != null && inner.filled().test(value);
          }));
        }
      } else if (field.kind() == FieldKind.LIST && element != null && element.object() != null) {
        for (Leaf inner : leaves(Objects.requireNonNull(element.object()))) {
          leaves.add(new Leaf(field.name() + "[]." + inner.path(), owner -> {
            Object value = field.accessor().apply(owner);
            return value instanceof Collection<?> elements && elements.stream().anyMatch(inner.filled());
          }));
        }
      } else if (field.kind() == FieldKind.MAP) {
        leaves.add(new Leaf(field.name(), owner -> !isEmptyMap(field.accessor().apply(owner))));
      } else {
        leaves.add(new Leaf(field.name(), owner -> field.accessor().apply(owner) != null));
      }
    }
    return leaves;
  }

  private static boolean isEmptyMap(@Nullable Object value) {
    return value == null || ((Map<?, ?>) value).isEmpty();
  }

  /** A leaf field: its path, and whether an owner of it (the fact, or a record within) has its value. */
  private record Leaf(String path, Predicate<Object> filled) {}
}
