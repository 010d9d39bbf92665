package dev.rampart.engine;

import java.util.Objects;

/**
 * A named, typed setting of a pack that rules refer to as {@code {param: NAME}} and users may override.
 *
 * @param name the parameter's name
 * @param type its type: {@code string}, {@code integer}, {@code number}, {@code boolean},
 *     {@code duration} (ISO-8601, e.g. {@code P30D}), {@code date} or {@code list}
 * @param defaultValue the default, rendered as text
 * @param description what the parameter tunes (may be empty)
 */
public record Parameter(String name, String type, String defaultValue, String description) {

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }
}
