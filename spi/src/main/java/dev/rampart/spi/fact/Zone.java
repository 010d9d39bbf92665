package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The security zone a network belongs to. */
@API(status = STABLE, since = "0.1")
public enum Zone {
  IOT, OT, CORPORATE, GUEST, DMZ, MANAGEMENT;
}
