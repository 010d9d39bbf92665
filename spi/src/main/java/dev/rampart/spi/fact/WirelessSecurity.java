package dev.rampart.spi.fact;

/** The wireless security protocol a device uses. */
public enum WirelessSecurity {
  OPEN, WEP, WPA, WPA2, WPA3;
}
