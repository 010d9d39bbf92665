package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A field that identifies a device across sources. */
@API(status = STABLE, since = "0.1")
public enum IdentityKey {
  /** The explicit id a source gives. */
  ID,
  /** The serial number. */
  SERIAL_NUMBER,
  /** The MAC address of the primary interface, compared case- and separator-insensitively. */
  MAC_ADDRESS,
  /** Any shared IP address. */
  IP_ADDRESS
}
