package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** The four kinds of fact, with the name a rule pack uses for each as its {@code target}. */
@API(status = STABLE, since = "0.1")
public enum FactType {
  DEVICE(Device.class),
  NETWORK(Network.class),
  VENDOR(Vendor.class),
  DEPLOYMENT(Deployment.class);

  private final Class<? extends Fact> javaType;

  FactType(Class<? extends Fact> javaType) {
    this.javaType = javaType;
  }

  /** The record class that carries facts of this type. */
  public Class<? extends Fact> javaType() {
    return javaType;
  }

  /**
   * A fact of this type of which only the id is known: every other field is unknown, so every rule
   * over it is UNKNOWN (or NOT_APPLICABLE where its applicability is known not to hold). It stands in
   * for a record a source had to skip, so that the record's rules are reported, not silently absent.
   */
  public Fact withOnlyId(String id) {
    return switch (this) {
      case DEVICE -> Device.builder(id).build();
      case NETWORK -> Network.builder(id).build();
      case VENDOR -> Vendor.builder(id).build();
      case DEPLOYMENT -> Deployment.builder(id).build();
    };
  }

  /** The lower-case name used in rule packs and reports, e.g. {@code device}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name such as {@code network}. */
  public static Optional<FactType> fromWireName(String name) {
    for (FactType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
