package dev.rampart.adapter.inventory;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the fields of the fact model that a set of facts never gives a value. */
final class FieldCoverage {

  private FieldCoverage() {}

  /** "Record.field" for every field of every record that holds no value (or an empty one) in any fact. */
  static Set<String> neverSet(List<Fact> facts) {
    Set<String> names = new TreeSet<>();
    for (FactType type : FactType.values()) {
      collectComponents(type.javaType(), names);
    }
    for (Fact fact : facts) {
      removeSetComponents(fact, names);
    }
    return names;
  }

  private static void collectComponents(Type type, Set<String> names) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        collectComponents(argument, names);
      }
    } else if (type instanceof Class<?> raw && raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        if (names.add(raw.getSimpleName() + "." + component.getName())) {
          collectComponents(component.getGenericType(), names);
        }
      }
    }
  }

  private static void removeSetComponents(Object value, Set<String> names) {
    if (value instanceof Collection<?> collection) {
      collection.forEach(element -> removeSetComponents(element, names));
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object componentValue;
        try {
          componentValue = component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        boolean set = componentValue != null
            && !(componentValue instanceof Collection<?> c && c.isEmpty())
            && !(componentValue instanceof Map<?, ?> m && m.isEmpty());
        if (set) {
          names.remove(record.getClass().getSimpleName() + "." + component.getName());
          removeSetComponents(componentValue, names);
        }
      }
    }
  }
}
