package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Automation of identity operations.
 *
 * @param certificateRenewal device certificates are renewed automatically; {@code null} when unknown
 * @param onboarding device onboarding is automated; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Automation(
    @Nullable Boolean certificateRenewal,
    @Nullable Boolean onboarding) {
}
