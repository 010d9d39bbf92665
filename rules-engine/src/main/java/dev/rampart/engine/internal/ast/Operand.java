package dev.rampart.engine.internal.ast;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The right-hand side of a leaf condition. */
public sealed interface Operand permits Operand.Literal, Operand.ParamRef, Operand.FieldRef, Operand.Selection {

  /**
   * A constant, already converted to the field's runtime type (see {@code Literals}).
   *
   * @param value the converted value
   * @param text the value as the pack wrote it, for evidence
   */
  record Literal(@Nullable Object value, String text) implements Operand {

    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A pack parameter, bound to its default or the user's override when the engine is built.
   *
   * @param name the parameter's name
   */
  record ParamRef(String name) implements Operand {}

  /**
   * Another field of the evaluated fact, read at evaluation time.
   *
   * @param path the field, resolved from the rule's target fact
   */
  record FieldRef(FieldPath path) implements Operand {}

  /**
   * A condition that selects, among the other facts of the rule's target type, those a comparison
   * counts ({@code uniqueAmong}).
   *
   * @param condition the condition, paths relative to each other fact; it reads only their own fields
   * @param text the condition as the pack wrote it, for evidence
   */
  record Selection(Condition condition, String text) implements Operand {

    public Selection {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(text, "text");
    }
  }
}
