package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** How serious a violation of a rule is, from {@code info} to {@code critical}. */
@API(status = STABLE, since = "0.1")
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Whether this severity is the given one or more serious. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** The lower-case name used in packs and reports. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lower-case name such as {@code high}. */
  public static Optional<Severity> fromWireName(String name) {
    for (Severity severity : values()) {
      if (severity.wireName().equals(name)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
