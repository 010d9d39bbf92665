package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * How a device receives over-the-air updates.
 *
 * @param enabled OTA updates are enabled; {@code null} when unknown
 * @param signedImages only signed images are accepted; {@code null} when unknown
 * @param integrityCheck images are integrity-checked before install; {@code null} when unknown
 * @param stagedRollout updates are tested on a staged group before the fleet; {@code null} when unknown
 */
public record Ota(
    @Nullable Boolean enabled,
    @Nullable Boolean signedImages,
    @Nullable Boolean integrityCheck,
    @Nullable Boolean stagedRollout) {
}
