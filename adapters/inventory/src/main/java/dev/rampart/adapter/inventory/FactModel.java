package dev.rampart.adapter.inventory;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the inventory format knows about the fact model, found by reflection so that a field or
 * enum added to the SPI is picked up without touching this adapter.
 */
final class FactModel {

  private FactModel() {}

  /** The field names of a record as written in files, in declaration order. */
  static List<String> fieldNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    RecordComponent[] components = type.getRecordComponents();
    if (components != null) {
      for (RecordComponent component : components) {
        names.add(component.getName());
      }
    }
    return List.copyOf(names);
  }

  /** The checked form of a record's field, or {@code null} when it has none (or is no field of a record). */
  static @Nullable ValueFormat format(Class<?> type, String field) {
    RecordComponent[] components = type.getRecordComponents();
    if (components != null) {
      for (RecordComponent component : components) {
        if (component.getName().equals(field)) {
          Format format = component.getAnnotation(Format.class);
          return format == null ? null : format.value();
        }
      }
    }
    return null;
  }

  /** Every enum type reachable from the four fact records. */
  static Set<Class<?>> enumTypes() {
    Set<Class<?>> enums = new LinkedHashSet<>();
    Set<Class<?>> visited = new LinkedHashSet<>();
    for (FactType type : FactType.values()) {
      collectEnums(type.javaType(), enums, visited);
    }
    return Set.copyOf(enums);
  }

  private static void collectEnums(Type type, Set<Class<?>> enums, Set<Class<?>> visited) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        collectEnums(argument, enums, visited);
      }
    } else if (type instanceof Class<?> raw && visited.add(raw)) {
      if (raw.isEnum()) {
        enums.add(raw);
      } else if (raw.isRecord()) {
        for (RecordComponent component : raw.getRecordComponents()) {
          collectEnums(component.getGenericType(), enums, visited);
        }
      }
    }
  }
}
