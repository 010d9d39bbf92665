package dev.rampart.spi.fact;

/** How a device authenticates itself to the platform. */
public enum AuthMethod {
  CERTIFICATE, PASSWORD, API_KEY, PRE_SHARED_KEY, TOKEN, NONE;
}
