package dev.rampart.spi.fact;

/** How far a network can reach the organisation's critical systems. */
public enum CriticalSystemsAccess {
  NONE, RESTRICTED, UNRESTRICTED;
}
