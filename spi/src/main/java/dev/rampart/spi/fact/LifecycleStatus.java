package dev.rampart.spi.fact;

/** Where a device is in its life. */
public enum LifecycleStatus {
  PLANNED, ACTIVE, MAINTENANCE, RETIRED;
}
