package dev.rampart.spi.fact;

/** How much the business depends on a device. */
public enum Criticality {
  LOW, MEDIUM, HIGH, CRITICAL;
}
