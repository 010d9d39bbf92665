package dev.rampart.spi.fact;

/** Whether a service port accepts connections,  as a scanner saw it. */
public enum ServiceState {
  OPEN, CLOSED, FILTERED;
}
