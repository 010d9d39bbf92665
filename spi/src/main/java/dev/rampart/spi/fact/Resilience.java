package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a device keeps working and recovers.
 *
 * @param fallbackMode a fallback mode keeps essential functions during compromise or outage; {@code null} when unknown
 * @param backupAllowed policy allows backing up configuration and key material; {@code null} when unknown
 * @param lastBackup when configuration and key material were last backed up; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Resilience(
    @Nullable Boolean fallbackMode,
    @Nullable Boolean backupAllowed,
    @Nullable Instant lastBackup) {
}
