package dev.rampart.engine.internal.ast;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A condition of a rule: a tree of {@code all}, {@code any}, {@code not}, quantifiers and leaves. */
public sealed interface Condition
    permits Condition.All, Condition.Any, Condition.Not, Condition.Quantified, Condition.Leaf {

  /** Where the condition is written. */
  Position position();

  /** Holds when every child holds. */
  record All(List<Condition> children, Position position) implements Condition {

    public All {
      children = List.copyOf(children);
    }
  }

  /** Holds when at least one child holds. */
  record Any(List<Condition> children, Position position) implements Condition {

    public Any {
      children = List.copyOf(children);
    }
  }

  /** Holds when the child does not. */
  record Not(Condition child, Position position) implements Condition {

    public Not {
      Objects.requireNonNull(child, "child");
    }
  }

  /**
   * Combines a condition over the elements of a list.
   *
   * @param quantifier anyOf, allOf or noneOf
   * @param list the list field (or a list of references, such as {@code networks})
   * @param where the condition each element is tested with, paths relative to the element
   */
  record Quantified(Quantifier quantifier, FieldPath list, Condition where, Position position)
      implements Condition {}

  /**
   * Compares one field with an operand.
   *
   * @param path the field
   * @param operator the comparison
   * @param operand the value compared with
   * @param ifAbsent in a {@code when}, the value the leaf takes when its field (or the field it is
   *     compared with) is absent; {@code null} for the default, UNKNOWN
   */
  record Leaf(FieldPath path, Operator operator, Operand operand, @Nullable Boolean ifAbsent, Position position)
      implements Condition {

    public Leaf(FieldPath path, Operator operator, Operand operand, Position position) {
      this(path, operator, operand, null, position);
    }
  }
}
