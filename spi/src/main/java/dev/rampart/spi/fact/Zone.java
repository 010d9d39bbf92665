package dev.rampart.spi.fact;

/** The security zone a network belongs to. */
public enum Zone {
  IOT, OT, CORPORATE, GUEST, DMZ, MANAGEMENT;
}
