package dev.rampart.engine.internal.ast;

import dev.rampart.engine.internal.schema.Field;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field path resolved against the schema, e.g. {@code credentials.certificate.keySize}.
 *
 * @param text the path as written; empty for the list element itself
 * @param steps the fields read in turn; empty for the list element itself
 * @param field the field at the end of the path (for the element itself, the list's element field)
 */
public record FieldPath(String text, List<Step> steps, Field field) {

  public FieldPath {
    Objects.requireNonNull(text, "text");
    steps = List.copyOf(steps);
    Objects.requireNonNull(field, "field");
  }

  /** The path that denotes a list element itself, inside a quantifier over a list of scalars. */
  public static FieldPath self(Field elementField) {
    return new FieldPath("", List.of(), elementField);
  }

  public boolean isSelf() {
    return steps.isEmpty();
  }

  /**
   * One step of a path.
   *
   * @param field the field read
   * @param key for a map field such as {@code attributes}, the key looked up
   */
  public record Step(Field field, @Nullable String key) {}
}
