package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a device is in its life and when it leaves.
 *
 * @param status planned, active, maintenance or retired; {@code null} when unknown
 * @param endOfSupport the date the vendor stops security updates; {@code null} when unknown
 * @param plannedRetirement the date the organisation plans to retire the device; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Lifecycle(
    @Nullable LifecycleStatus status,
    @Nullable LocalDate endOfSupport,
    @Nullable LocalDate plannedRetirement) {
}
