package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The wireless security protocol a device uses. */
@API(status = STABLE, since = "0.1")
public enum WirelessSecurity {
  OPEN, WEP, WPA, WPA2, WPA3;
}
