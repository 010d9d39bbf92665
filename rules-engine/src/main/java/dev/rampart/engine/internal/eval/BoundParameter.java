package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.load.Literals;
import dev.rampart.engine.internal.schema.Field;
import java.util.Objects;

/**
 * A pack parameter with the value in force (default or override), as a raw value that each use
 * converts for its operator and field. Conversion was already checked when the engine was built.
 *
 * @param name the parameter's name
 * @param raw the raw value
 */
public record BoundParameter(String name, Object raw) {

  public BoundParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(raw, "raw");
  }

  Object valueFor(Operator operator, Field field) {
    Literals.Result result = Literals.convert(operator, field, raw);
    if (result instanceof Literals.Ok ok) {
      return Objects.requireNonNull(ok.value());
    }
    throw new IllegalStateException("parameter " + name + " was not checked against its uses: " + ((Literals.Bad) result).message());
  }

  String text() {
    return String.valueOf(raw);
  }
}
