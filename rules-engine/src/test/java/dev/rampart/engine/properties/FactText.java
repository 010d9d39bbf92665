package dev.rampart.engine.properties;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.WireNames;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Facts as short readable text for counterexamples: only the fields that are present. */
final class FactText {

  private FactText() {}

  static String describe(List<? extends Fact> facts) {
    return facts.stream().map(FactText::describe).collect(Collectors.joining("\n  ", "  ", ""));
  }

  static String describe(Fact fact) {
    return fact.type().wireName() + " " + fact.id() + " " + value(fact);
  }

  private static String value(Object value) {
    if (value instanceof Record record) {
      List<String> fields = new ArrayList<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object field = read(component, record);
        if (field == null || component.getName().equals("id") && record instanceof Fact
            || field instanceof Map<?, ?> map && map.isEmpty()) {
          continue;
        }
        fields.add(component.getName() + ": " + value(field));
      }
      return fields.stream().collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FactText::value).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + ": " + value(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof Enum<?> constant) {
      return WireNames.of(constant);
    }
    if (value instanceof String text) {
      return '"' + text + '"';
    }
    return String.valueOf(value);
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
