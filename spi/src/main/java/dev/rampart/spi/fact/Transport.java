package dev.rampart.spi.fact;

/** The transport protocol of a service. */
public enum Transport {
  TCP, UDP;
}
