package dev.rampart.sources.merge;

/** A field that identifies a device across sources. */
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
