package dev.rampart.engine.internal.ast;

import java.util.Objects;

/**
 * A declared pack parameter.
 *
 * @param name the name rules refer to
 * @param type its type
 * @param defaultValue the default as raw value (String, Boolean, Number or List of String)
 * @param description what it tunes
 * @param position where it is declared
 */
public record ParamDef(String name, ParamType type, Object defaultValue, String description, Position position) {

  public ParamDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }
}
