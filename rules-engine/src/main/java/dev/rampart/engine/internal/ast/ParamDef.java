package dev.rampart.engine.internal.ast;

import dev.rampart.engine.value.ParameterType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A declared pack parameter.
 *
 * @param name the name rules refer to
 * @param type its type
 * @param defaultValue the default as raw value (String, Boolean, Number or List of String)
 * @param description what it tunes
 * @param position where it is declared
 * @param minimum for integer, number and duration parameters: the smallest value allowed, as raw
 *     value (a Number, or a duration's text); {@code null} for no bound
 * @param maximum the largest value allowed, likewise
 */
public record ParamDef(
    String name, ParameterType type, Object defaultValue, String description, Position position,
    @Nullable Object minimum, @Nullable Object maximum) {

  public ParamDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  /** A parameter without a range. */
  public ParamDef(String name, ParameterType type, Object defaultValue, String description, Position position) {
    this(name, type, defaultValue, description, position, null, null);
  }

  /** The same parameter with another default, declared at another place. */
  public ParamDef withDefault(Object value, String newDescription, Position at) {
    return new ParamDef(name, type, value, newDescription, at, minimum, maximum);
  }
}
