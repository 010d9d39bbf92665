package dev.rampart.adapter.testkit;

import dev.rampart.spi.fact.Fact;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every field of facts as text, nested records and lists included: what a test searches for a value
 * that must not be kept anywhere in a fact (a key, an entity from a hostile file). A fact's own
 * {@code toString()} names only its type and id, so that no log line holds its contents.
 */
public final class FactContents {

  private FactContents() {}

  /** Every field of every fact, as {@code name=value}, records in brackets. */
  public static String of(List<? extends Fact> facts) {
    return facts.stream().map(FactContents::of).collect(Collectors.joining("\n"));
  }

  /** Every field of the fact, as {@code name=value}, records in brackets. */
  public static String of(Fact fact) {
    return text(fact);
  }

  private static String text(@Nullable Object value) {
    if (value instanceof Record record) {
      StringBuilder out = new StringBuilder(record.getClass().getSimpleName()).append('[');
      RecordComponent[] components = record.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
            .append(text(read(components[i], record)));
      }
      return out.append(']').toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FactContents::text).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> text(e.getKey()) + "=" + text(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private static @Nullable Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of a "
          + record.getClass().getSimpleName(), e);
    }
  }
}
