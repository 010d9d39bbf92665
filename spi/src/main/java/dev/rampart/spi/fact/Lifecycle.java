package dev.rampart.spi.fact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a device is in its life and when it leaves.
 *
 * @param status planned, active, maintenance or retired; {@code null} when unknown
 * @param endOfSupport the date the vendor stops security updates; {@code null} when unknown
 * @param plannedRetirement the date the organisation plans to retire the device; {@code null} when unknown
 */
public record Lifecycle(
    @Nullable LifecycleStatus status,
    @Nullable LocalDate endOfSupport,
    @Nullable LocalDate plannedRetirement) {
}
