package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.ast.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Join keys for Drools' hash indexes. An absent value must never join, so it is replaced by the
 * fact itself: a key equal to nothing else, which keeps "unknown" facts out of each other's
 * buckets instead of piling them into one quadratic bucket.
 */
final class Keys {

  private Keys() {}

  /** The value at a plain (reference-free) path, or the fact itself when absent. */
  static Function<Object, Object> valueOrSelf(FieldPath path) {
    List<FieldPath.Step> steps = path.steps();
    return fact -> {
      Object value = read(steps, fact);
      return value == null ? fact : value;
    };
  }

  /** The referenced id held by a single-reference field, or the fact itself when absent. */
  static Function<Object, Object> idOrSelf(Function<Object, @Nullable Object> accessor) {
    return fact -> {
      Object id = accessor.apply(fact);
      return id == null ? fact : id;
    };
  }

  private static @Nullable Object read(List<FieldPath.Step> steps, Object start) {
    Object current = start;
    for (FieldPath.Step step : steps) {
      current = step.field().accessor().apply(current);
      if (current != null && step.key() != null) {
        current = ((Map<?, ?>) current).get(step.key());
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}
