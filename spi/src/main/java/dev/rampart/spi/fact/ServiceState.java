package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether a service port accepts connections,  as a scanner saw it. */
@API(status = STABLE, since = "0.1")
public enum ServiceState {
  OPEN, CLOSED, FILTERED;
}
