package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a device is watched.
 *
 * @param siem telemetry is forwarded to the SIEM; {@code null} when unknown
 * @param anomalyDetection anomaly detection covers the device's traffic; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Monitoring(
    @Nullable Boolean siem,
    @Nullable Boolean anomalyDetection) {
}
