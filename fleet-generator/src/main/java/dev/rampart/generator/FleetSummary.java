package dev.rampart.generator;

import java.util.Map;

/**
 * What a generated fleet holds, counted as it was written.
 *
 * @param devices devices written
 * @param networks networks written, the corporate LAN included
 * @param vendors vendors written
 * @param devicesWithViolations devices given at least one deliberate violation (shared credentials included)
 * @param devicesWithMissingFields devices with at least one field left out, so that some rules are UNKNOWN
 * @param sharedCredentialPairs pairs of devices that share one credential fingerprint
 * @param violations how often each kind of violation was given, by kind
 * @param bytes size of the file written
 */
public record FleetSummary(
    long devices,
    long networks,
    long vendors,
    long devicesWithViolations,
    long devicesWithMissingFields,
    long sharedCredentialPairs,
    Map<Violation, Long> violations,
    long bytes) {

  public FleetSummary {
    violations = Map.copyOf(violations);
  }
}
