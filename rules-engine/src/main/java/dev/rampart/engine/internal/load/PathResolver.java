package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the field paths a pack writes against the fact model's schema, once: what comes out is a
 * {@link FieldPath} value that the compiler and the evaluation use as it is. A path that names no
 * field, or one that cannot be used where it stands, is a problem with the closest valid path.
 */
final class PathResolver {

  /** What a path is used for, which decides where it may end. */
  enum Use {
    /** The field a condition tests, or a {@code {field: ...}} operand. */
    LEAF,
    /** The list a quantifier ranges over. */
    QUANTIFIED,
    /** A field checked with {@code unique}. */
    UNIQUE,
    /** A {@code ${...}} placeholder of a message, which may end at a reference. */
    MESSAGE
  }

  private final PackProblemCollector problems;

  PathResolver(PackProblemCollector problems) {
    this.problems = problems;
  }

  /** The path written at {@code at} as {@code text}; null after a problem was reported. */
  @Nullable FieldPath resolve(Node at, String text, PathScope scope, Use use) {
    if (text.isBlank()) {
      problems.add(at, "empty field path", null);
      return null;
    }
    String[] segments = text.split("\\.", -1);
    List<FieldPath.Step> steps = new ArrayList<>();
    TypeSchema schema = scope.schema();
    Field field = null;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (field != null && field.kind() == FieldKind.MAP) {
        steps.add(new FieldPath.Step(field.element(), segment));
        field = field.element();
        if (!last) {
          problems.add(at, "attribute values are plain values; '" + text + "' reads past one",
              "stop the path at '" + prefix(segments, i + 1) + "'");
          return null;
        }
        continue;
      }
      if (schema == null) {
        problems.add(at, "'" + prefix(segments, i) + "' is a " + field.typeDescription()
            + " and has no field '" + segment + "'", "end the path there");
        return null;
      }
      Field next = schema.fields().get(segment);
      if (next == null) {
        unknownField(at, text, segments, i, schema, scope);
        return null;
      }
      field = next;
      steps.add(new FieldPath.Step(field, null));
      switch (field.kind()) {
        case REF_ONE -> {
          if (!scope.isRoot() || use == Use.UNIQUE) {
            problems.add(at, "'" + segment + "' is a reference and can be followed only from the rule's target fact",
                "move the condition out of the quantifier");
            return null;
          }
          if (last && use != Use.MESSAGE) {
            problems.add(at, "'" + segment + "' is a reference to a " + field.target().wireName(),
                "name a field of it, e.g. '" + segment + "." + Schemas.of(field.target()).fields().keySet().stream()
                    .skip(1).findFirst().orElse("id") + "'");
            return null;
          }
          schema = Schemas.of(field.target());
        }
        case REF_MANY -> {
          if (!scope.isRoot() || use != Use.QUANTIFIED || !last) {
            problems.add(at, "'" + segment + "' is a list of references to " + field.target().wireName() + "s",
                "test it with a quantifier, e.g. 'allOf: " + segment + "' with 'where: {field: ..., ...}'");
            return null;
          }
          schema = null;
        }
        case OBJECT -> schema = field.object();
        default -> schema = null;
      }
    }
    return fitsUse(at, text, field, scope, use) ? new FieldPath(steps, field) : null;
  }

  /** How messages name a path: quoted, or as the element itself inside a quantifier over values. */
  static String describe(FieldPath path) {
    return path.isSelf() ? "the list element" : "'" + path.text() + "'";
  }

  private boolean fitsUse(Node at, String text, Field field, PathScope scope, Use use) {
    boolean attribute = field.kind() == FieldKind.ANY && field.element() != null;
    if (use == Use.QUANTIFIED && field.kind() != FieldKind.LIST && field.kind() != FieldKind.REF_MANY && !attribute) {
      problems.add(at, "'" + text + "' is a " + field.typeDescription() + ", not a list",
          "quantifiers (anyOf, allOf, noneOf) take a list field");
      return false;
    }
    if (use == Use.UNIQUE) {
      if (!scope.isRoot()) {
        problems.add(at, "'unique' cannot be used inside a quantifier: it compares a field of the rule's target fact"
            + " across all facts of its type", "move it out of the quantifier, e.g. {field: credentials.fingerprint, unique: true}");
        return false;
      }
      if (!field.kind().isScalar()) {
        problems.add(at, "'unique' needs a plain field, but '" + text + "' is a " + field.typeDescription(),
            "use it on a field such as credentials.fingerprint");
        return false;
      }
    }
    return true;
  }

  private void unknownField(Node at, String text, String[] segments, int i, TypeSchema schema, PathScope scope) {
    String where = i == 0 ? scope.describe() : "'" + prefix(segments, i) + "'";
    String before = i == 0 ? "" : prefix(segments, i) + ".";
    problems.add(at, "unknown field '" + text + "': " + where + " has no field '" + segments[i] + "'",
        DidYouMean.closest(segments[i], schema.fields().keySet())
            .map(s -> DidYouMean.question(before + s))
            .orElse("valid fields: " + String.join(", ", schema.fields().keySet())));
  }

  private static String prefix(String[] segments, int count) {
    return String.join(".", Arrays.copyOf(segments, count));
  }
}
