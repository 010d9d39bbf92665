package dev.rampart.spi.fact;

import java.util.Map;

/** A thing that rules are evaluated against: a device, a network, a vendor or the deployment. */
public sealed interface Fact permits Device, Network, Vendor, Deployment {

  /** Stable identifier, unique among facts of the same type. */
  String id();

  /** Site-specific data, keyed by name, that rules may still reference as {@code attributes.NAME}. */
  Map<String, Object> attributes();

  /** The kind of fact this is. */
  FactType type();
}
