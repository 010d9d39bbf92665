package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Where a device is in its life. */
@API(status = STABLE, since = "0.1")
public enum LifecycleStatus {
  PLANNED, ACTIVE, MAINTENANCE, RETIRED;
}
