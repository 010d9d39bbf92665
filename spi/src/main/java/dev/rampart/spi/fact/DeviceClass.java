package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The kind of device,  as far as resources and role go. */
@API(status = STABLE, since = "0.1")
public enum DeviceClass {
  CONSTRAINED, STANDARD, GATEWAY;
}
