package dev.rampart.spi.fact;

/** Where a service can be reached from. */
public enum Exposure {
  INTERNAL, INTERNET;
}
