package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * How a device reaches cloud services.
 *
 * @param viaGateway cloud traffic goes through a gateway; {@code null} when unknown
 * @param directCloud the device talks to cloud services directly; {@code null} when unknown
 */
public record Connectivity(
    @Nullable Boolean viaGateway,
    @Nullable Boolean directCloud) {
}
