package dev.rampart.spi.fact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defensive copies that keep {@code null} (unknown) distinct from empty (known to be none). */
final class Collections2 {

  private Collections2() {}

  static void requireId(String id, FactType type) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a " + type.wireName() + " id must not be blank");
    }
  }

  static <T> @Nullable List<T> copyOrNull(@Nullable List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  static Map<String, Object> copyAttributes(@Nullable Map<String, Object> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    // insertion order is kept so reports list attributes as the source wrote them
    Map<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach((name, value) -> copy.put(name,
        value instanceof List<?> list ? Collections.unmodifiableList(new ArrayList<>(list)) : value));
    return Collections.unmodifiableMap(copy);
  }
}
