package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * What data a device handles and how.
 *
 * @param personalData the device handles personal data; {@code null} when unknown
 * @param sensitiveData the device handles data the organisation classes as sensitive; {@code null} when unknown
 * @param encryptedInTransit data is encrypted in transit; {@code null} when unknown
 * @param encryptedAtRest data is encrypted at rest; {@code null} when unknown
 * @param retentionPolicy a retention policy applies; {@code null} when unknown
 * @param retentionDays how many days data is kept; {@code null} when unknown
 */
public record DataHandling(
    @Nullable Boolean personalData,
    @Nullable Boolean sensitiveData,
    @Nullable Boolean encryptedInTransit,
    @Nullable Boolean encryptedAtRest,
    @Nullable Boolean retentionPolicy,
    @Nullable Integer retentionDays) {
}
