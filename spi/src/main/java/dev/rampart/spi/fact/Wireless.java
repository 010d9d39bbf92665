package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A device's wireless link.
 *
 * @param enabled the device has an active wireless link; {@code null} when unknown
 * @param security the security protocol in use; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Wireless(
    @Nullable Boolean enabled,
    @Nullable WirelessSecurity security) {
}
