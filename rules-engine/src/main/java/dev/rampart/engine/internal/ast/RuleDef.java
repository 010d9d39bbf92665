package dev.rampart.engine.internal.ast;

import dev.rampart.engine.value.Rule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A validated rule: what reports show plus the conditions the engine evaluates.
 *
 * @param info the rule as reports show it
 * @param when applicability; {@code null} means the rule applies to every fact of its target type
 * @param assertion the condition a compliant fact satisfies
 * @param message the message shown for a result
 * @param position where the rule is written
 */
public record RuleDef(
    Rule info, @Nullable Condition when, Condition assertion, MessageTemplate message, Position position) {

  public RuleDef {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(assertion, "assertion");
    Objects.requireNonNull(message, "message");
  }
}
