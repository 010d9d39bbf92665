package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Security features of a device's hardware.
 *
 * @param rootOfTrust a hardware root of trust (TPM, secure element) is present; {@code null} when unknown
 * @param rootOfTrustType what the root of trust is, e.g. tpm2 or secure-element; {@code null} when unknown
 * @param secureBoot secure boot is enabled; {@code null} when unknown
 * @param trustedExecution a trusted execution environment protects keys; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Hardware(
    @Nullable Boolean rootOfTrust,
    @Nullable String rootOfTrustType,
    @Nullable Boolean secureBoot,
    @Nullable Boolean trustedExecution) {

  public Hardware {
    rootOfTrustType = FieldValues.text(rootOfTrustType);
  }
}
