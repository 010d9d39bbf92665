package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How a device authenticates itself to the platform. */
@API(status = STABLE, since = "0.1")
public enum AuthMethod {
  CERTIFICATE, PASSWORD, API_KEY, PRE_SHARED_KEY, TOKEN, NONE;
}
