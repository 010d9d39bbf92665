package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.TypeSchema;
import org.jspecify.annotations.Nullable;

/**
 * Where field paths are resolved: the rule's target fact, or a list element inside a quantifier.
 *
 * @param schema the fields a path may start with; {@code null} for an element that is a plain value
 * @param element the list's element field inside a quantifier over a list; {@code null} at the root
 *     and for a list of references
 * @param parent the scope the quantifier stands in; {@code null} at the root
 */
record PathScope(@Nullable TypeSchema schema, @Nullable Field element, @Nullable PathScope parent) {

  static PathScope root(TypeSchema schema) {
    return new PathScope(schema, null, null);
  }

  static PathScope element(@Nullable TypeSchema schema, @Nullable Field element, PathScope parent) {
    return new PathScope(schema, element, parent);
  }

  boolean isRoot() {
    return parent == null;
  }

  PathScope root() {
    return parent == null ? this : parent.root();
  }

  /** Whether a condition here may leave out {@code field}: inside a quantifier over plain values. */
  boolean overPlainValues() {
    return element != null && element.kind() != FieldKind.OBJECT;
  }

  String describe() {
    return schema == null ? "the list element" : "a " + schema.name();
  }
}
