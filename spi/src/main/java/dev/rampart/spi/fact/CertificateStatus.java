package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A certificate's status in the device registry that holds it. The values are AWS IoT Core's certificate
 * statuses, the richest set among registries; an adapter maps its registry's statuses onto them.
 */
@API(status = STABLE, since = "0.1")
public enum CertificateStatus {
  /** Devices may connect with it. */
  ACTIVE,
  /** Registered but disabled: connections with it are refused. */
  INACTIVE,
  /** Revoked in the registry: connections with it are refused and it should never be re-activated. */
  REVOKED,
  /** Being transferred to another account. */
  PENDING_TRANSFER,
  /** Registered without a CA and not yet activated. */
  REGISTER_INACTIVE,
  /** Waiting for activation after just-in-time registration. */
  PENDING_ACTIVATION;
}
