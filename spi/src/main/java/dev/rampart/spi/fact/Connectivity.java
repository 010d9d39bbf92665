package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a device reaches cloud services.
 *
 * @param viaGateway cloud traffic goes through a gateway; {@code null} when unknown
 * @param directCloud the device talks to cloud services directly; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Connectivity(
    @Nullable Boolean viaGateway,
    @Nullable Boolean directCloud) {
}
