package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.ParameterType;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A named, typed setting of a pack that rules refer to as {@code {param: NAME}} and users may override.
 *
 * @param name the parameter's name
 * @param type its type; {@link ParameterType#wireName()} is how a pack writes it, e.g. {@code duration}
 * @param defaultValue the default, rendered as text that an override may give back, e.g.
 *     {@code [ssl2, ssl3, 1.0, 1.1]} for a list
 * @param description what the parameter tunes (may be empty)
 * @param minimum for integer, number and duration parameters, the smallest value allowed; {@code null}
 *     for no bound
 * @param maximum the largest value allowed; {@code null} for no bound
 */
@API(status = STABLE, since = "0.1")
public record Parameter(
    String name, ParameterType type, String defaultValue, String description, @Nullable String minimum,
    @Nullable String maximum) {

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  /** A parameter without a range. */
  public Parameter(String name, ParameterType type, String defaultValue, String description) {
    this(name, type, defaultValue, description, null, null);
  }

  /** The smallest value allowed, if the pack declares one. */
  public Optional<String> minimumValue() {
    return Optional.ofNullable(minimum);
  }

  /** The largest value allowed, if the pack declares one. */
  public Optional<String> maximumValue() {
    return Optional.ofNullable(maximum);
  }
}
