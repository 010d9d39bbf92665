package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The transport protocol of a service. */
@API(status = STABLE, since = "0.1")
public enum Transport {
  TCP, UDP;
}
