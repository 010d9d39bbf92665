package dev.rampart.spi.fact;

/** The kind of device,  as far as resources and role go. */
public enum DeviceClass {
  CONSTRAINED, STANDARD, GATEWAY;
}
