package dev.rampart.spi.fact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's IoT incident-response readiness.
 *
 * @param playbook an IoT incident-response playbook exists; {@code null} when unknown
 * @param coversIsolation the playbook covers isolating devices; {@code null} when unknown
 * @param coversForensics the playbook covers forensic collection; {@code null} when unknown
 * @param coversVendorCoordination the playbook covers coordinating with vendors; {@code null} when unknown
 * @param lastExercised when the playbook was last exercised; {@code null} when unknown
 */
public record IncidentResponse(
    @Nullable Boolean playbook,
    @Nullable Boolean coversIsolation,
    @Nullable Boolean coversForensics,
    @Nullable Boolean coversVendorCoordination,
    @Nullable LocalDate lastExercised) {
}
