package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/** A thing that rules are evaluated against: a device, a network, a vendor or the deployment. */
@API(status = STABLE, since = "0.1")
public sealed interface Fact permits Device, Network, Vendor, Deployment {

  /** Stable identifier, unique among facts of the same type. */
  String id();

  /** Site-specific data, keyed by name, that rules may still reference as {@code attributes.NAME}. */
  Map<String, Object> attributes();

  /** The kind of fact this is. */
  FactType type();
}
