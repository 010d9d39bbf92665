package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a device receives over-the-air updates.
 *
 * @param enabled OTA updates are enabled; {@code null} when unknown
 * @param signedImages only signed images are accepted; {@code null} when unknown
 * @param integrityCheck images are integrity-checked before install; {@code null} when unknown
 * @param stagedRollout updates are tested on a staged group before the fleet; {@code null} when unknown
 * @param updatePolicy the update policy defined for the device, by its name or id in the organisation's
 *     records (which updates it takes, how soon, in which window); {@code null} when none is recorded
 */
@API(status = STABLE, since = "0.1")
public record Ota(
    @Nullable Boolean enabled,
    @Nullable Boolean signedImages,
    @Nullable Boolean integrityCheck,
    @Nullable Boolean stagedRollout,
    @Nullable String updatePolicy) {

  public Ota {
    updatePolicy = FieldValues.text(updatePolicy);
  }
}
