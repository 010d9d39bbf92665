package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.WireNames;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** The type of a pack parameter, as a pack declares it with {@code type:}. */
@API(status = STABLE, since = "0.1")
public enum ParameterType {
  /** Text. */
  STRING,
  /** A whole number. */
  INTEGER,
  /** A decimal number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** An ISO-8601 duration, e.g. {@code P30D}. */
  DURATION,
  /** An ISO-8601 date, e.g. {@code 2026-12-31}. */
  DATE,
  /** A list of texts. */
  LIST;

  /** The name a pack writes, e.g. {@code duration}. */
  public String wireName() {
    return WireNames.of(this);
  }

  /** The type a pack names, if it is one. */
  public static Optional<ParameterType> fromWireName(String name) {
    return WireNames.parse(ParameterType.class, name);
  }

  /** Every type's wire name, in declaration order. */
  public static List<String> wireNames() {
    return WireNames.all(ParameterType.class);
  }
}
