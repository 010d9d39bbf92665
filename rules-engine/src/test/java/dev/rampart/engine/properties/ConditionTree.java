package dev.rampart.engine.properties;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A rule condition as the property tests generate it. The tests keep their own model, rather than
 * the engine's AST, so that the pack text the engine parses and the tree the reference interpreter
 * walks are two views of one value.
 */
sealed interface ConditionTree {

  /** The condition as a YAML flow mapping, exactly as a pack author could write it. */
  String yaml();

  /** Every child holds. */
  record All(List<ConditionTree> children) implements ConditionTree {

    public All {
      children = List.copyOf(children);
    }

    @Override
    public String yaml() {
      return "{all: " + list(children) + "}";
    }
  }

  /** At least one child holds. */
  record Any(List<ConditionTree> children) implements ConditionTree {

    public Any {
      children = List.copyOf(children);
    }

    @Override
    public String yaml() {
      return "{any: " + list(children) + "}";
    }
  }

  /** The child does not hold. */
  record Not(ConditionTree child) implements ConditionTree {

    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public String yaml() {
      return "{not: " + child.yaml() + "}";
    }
  }

  /**
   * A quantifier over a list field of the device.
   *
   * @param quantifier anyOf, allOf or noneOf
   * @param list {@code services}, {@code networks} or {@code outboundDestinations}
   * @param where the condition on each element, with paths relative to the element
   */
  record Quantified(String quantifier, String list, ConditionTree where) implements ConditionTree {

    @Override
    public String yaml() {
      return "{" + quantifier + ": " + list + ", where: " + where.yaml() + "}";
    }
  }

  /**
   * One comparison.
   *
   * @param field the path, relative to the device or to the quantified element; empty for the element itself
   * @param operator the operator's wire name
   * @param operand a Boolean, Integer, String, {@link FieldRef} or a List of those
   * @param ifAbsent in a {@code when}, the leaf's value where a field it reads is absent; else null
   */
  record Leaf(String field, String operator, Object operand, @Nullable Boolean ifAbsent) implements ConditionTree {

    Leaf(String field, String operator, Object operand) {
      this(field, operator, operand, null);
    }

    @Override
    public String yaml() {
      // an empty field is the element itself, inside a quantifier over plain values
      return "{" + (field.isEmpty() ? "" : "field: " + field + ", ") + operator + ": " + render(operand)
          + (ifAbsent == null ? "" : ", ifAbsent: " + ifAbsent) + "}";
    }
  }

  /** An operand that is another field of the device, written {@code {field: PATH}}. */
  record FieldRef(String path) {}

  private static String list(List<ConditionTree> children) {
    return children.stream().map(ConditionTree::yaml).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A literal as YAML; strings are always quoted so that YAML never retypes "1.2" or "2026-01-01". */
  static String render(Object operand) {
    if (operand instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (operand instanceof FieldRef ref) {
      return "{field: " + ref.path() + "}";
    }
    if (operand instanceof ConditionTree condition) {
      return condition.yaml();
    }
    if (operand instanceof List<?> items) {
      return items.stream().map(ConditionTree::render).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(operand);
  }
}
