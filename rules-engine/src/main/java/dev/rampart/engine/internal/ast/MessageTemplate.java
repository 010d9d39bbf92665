package dev.rampart.engine.internal.ast;

import java.util.List;

/**
 * A rule message with {@code ${field.path}} placeholders resolved against the target fact.
 *
 * @param parts literal text (String) and placeholders (FieldPath), in order
 */
public record MessageTemplate(List<Object> parts) {

  public MessageTemplate {
    parts = List.copyOf(parts);
  }
}
