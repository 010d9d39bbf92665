package dev.rampart.sources.merge;

import dev.rampart.spi.fact.WireNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A claimed value as reports show it: enums by the names files use, lists and maps with their
 * elements, records as their reported fields ({@code {name: ftp, port: 21, transport: tcp}}), never
 * a Java {@code toString()} of the fact model.
 */
final class ClaimText {

  private ClaimText() {}

  static String of(@Nullable Object value) {
    if (value == null) {
      return "absent";
    }
    if (value instanceof Enum<?> constant) {
      return WireNames.of(constant);
    }
    if (value instanceof List<?> list) {
      List<String> elements = new ArrayList<>(list.size());
      list.forEach(element -> elements.add(of(element)));
      return "[" + String.join(", ", elements) + "]";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>(map.size());
      map.forEach((key, entry) -> entries.add(key + ": " + of(entry)));
      return "{" + String.join(", ", entries) + "}";
    }
    if (value instanceof Record record) {
      return "{" + String.join(", ", fields(record)) + "}";
    }
    return value.toString();
  }

  // only the fields the source reported: an absent field is no part of its claim
  private static List<String> fields(Record record) {
    List<String> fields = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object field;
      try {
        field = component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + component.getName(), e);
      }
      if (field != null) {
        fields.add(component.getName() + ": " + of(field));
      }
    }
    return fields;
  }
}
