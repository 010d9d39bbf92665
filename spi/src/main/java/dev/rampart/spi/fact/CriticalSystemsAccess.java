package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How far a network can reach the organisation's critical systems. */
@API(status = STABLE, since = "0.1")
public enum CriticalSystemsAccess {
  NONE, RESTRICTED, UNRESTRICTED;
}
