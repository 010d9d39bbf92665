package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Where a service can be reached from. */
@API(status = STABLE, since = "0.1")
public enum Exposure {
  INTERNAL, INTERNET;
}
