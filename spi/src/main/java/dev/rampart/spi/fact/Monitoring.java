package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * How a device is watched.
 *
 * @param siem telemetry is forwarded to the SIEM; {@code null} when unknown
 * @param anomalyDetection anomaly detection covers the device's traffic; {@code null} when unknown
 */
public record Monitoring(
    @Nullable Boolean siem,
    @Nullable Boolean anomalyDetection) {
}
