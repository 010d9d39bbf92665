package dev.rampart.engine.internal.runtime;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A value given for a pack parameter: text to parse by the parameter's type, or a value given typed. */
public sealed interface ParameterOverride {

  /** Text, parsed by the parameter's type: a list as {@code [1.0, 1.1]} or {@code 1.0,1.1}, a duration as {@code P30D}. */
  record Text(String text) implements ParameterOverride {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The values of a list parameter, taken as they are. */
  record Values(List<String> values) implements ParameterOverride {
    public Values {
      values = List.copyOf(values);
    }
  }

  /** A duration parameter's value. */
  record OfDuration(Duration value) implements ParameterOverride {
    public OfDuration {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An integer (or number) parameter's value. */
  record OfNumber(BigDecimal value) implements ParameterOverride {
    public OfNumber {
      Objects.requireNonNull(value, "value");
    }
  }
}
