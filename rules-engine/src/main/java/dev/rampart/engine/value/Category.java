package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The area of the IoT security guide a rule belongs to. */
@API(status = STABLE, since = "0.1")
public enum Category {
  PROCUREMENT,
  IDENTITY,
  SEGMENTATION,
  PATCHING,
  MONITORING,
  INTERFACES,
  DATA,
  RESILIENCE,
  OPERATIONS;

  /** The lower-case name used in packs and reports. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lower-case name such as {@code identity}. */
  public static Optional<Category> fromWireName(String name) {
    for (Category category : values()) {
      if (category.wireName().equals(name)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
