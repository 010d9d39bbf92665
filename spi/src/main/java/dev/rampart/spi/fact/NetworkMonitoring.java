package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a network's traffic is watched.
 *
 * @param trafficMonitoring traffic from the segment is monitored; {@code null} when unknown
 * @param anomalyDetection anomaly detection covers the segment; {@code null} when unknown
 * @param postureBasedAccess access requests are verified with device posture, not network location; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record NetworkMonitoring(
    @Nullable Boolean trafficMonitoring,
    @Nullable Boolean anomalyDetection,
    @Nullable Boolean postureBasedAccess) {
}
