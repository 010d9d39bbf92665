package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How much the business depends on a device. */
@API(status = STABLE, since = "0.1")
public enum Criticality {
  LOW, MEDIUM, HIGH, CRITICAL;
}
