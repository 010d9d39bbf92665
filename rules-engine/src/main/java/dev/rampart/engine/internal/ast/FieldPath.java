package dev.rampart.engine.internal.ast;

import dev.rampart.engine.internal.schema.Field;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field path resolved against the schema once, when its pack or waiver is loaded, e.g. {@code
 * credentials.certificate.keySize}. It is compared as a value, step by step; {@link #text()} renders
 * it for messages and evidence, and nothing parses that text again.
 */
public final class FieldPath {

  private final List<Step> steps;
  private final Field field;
  private final dev.rampart.spi.fact.FieldPath path;

  /**
   * @param steps the fields read in turn; empty for the list element itself
   * @param field the field at the end of the path (for the element itself, the list's element field)
   */
  public FieldPath(List<Step> steps, Field field) {
    this.steps = List.copyOf(steps);
    this.field = Objects.requireNonNull(field, "field");
    this.path = typed(this.steps);
  }

  /** The path that denotes a list element itself, inside a quantifier over a list of scalars. */
  public static FieldPath self(Field elementField) {
    return new FieldPath(List.of(), elementField);
  }

  /** The fields read in turn; empty for the list element itself. */
  public List<Step> steps() {
    return steps;
  }

  /** The field at the end of the path (for the element itself, the list's element field). */
  public Field field() {
    return field;
  }

  public boolean isSelf() {
    return steps.isEmpty();
  }

  /** The names read in turn, e.g. {@code [attributes, site]}: a field's name, or a map's key. */
  public List<String> names() {
    return steps.stream().map(Step::name).toList();
  }

  /** The path as a value of the fact model, as evidence carries it; the root for the list element itself. */
  public dev.rampart.spi.fact.FieldPath path() {
    return path;
  }

  /** The path as a pack writes it, e.g. {@code attributes.site}; empty for the list element itself. */
  public String text() {
    return path.text();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FieldPath path && path.steps.equals(steps) && path.field.equals(field);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + field.name().hashCode();
  }

  @Override
  public String toString() {
    return isSelf() ? "(element)" : path.text();
  }

  // a map key reads like a field, after a dot: attributes.site
  private static dev.rampart.spi.fact.FieldPath typed(List<Step> steps) {
    dev.rampart.spi.fact.FieldPath path = dev.rampart.spi.fact.FieldPath.root();
    for (Step step : steps) {
      path = path.field(step.name());
    }
    return path;
  }

  /**
   * One step of a path.
   *
   * @param field the field read
   * @param key for a map field such as {@code attributes}, the key looked up
   */
  public record Step(Field field, @Nullable String key) {

    public Step {
      Objects.requireNonNull(field, "field");
    }

    /** The name this step reads: the map key, or the field's name. */
    public String name() {
      return key != null ? key : field.name();
    }
  }
}
