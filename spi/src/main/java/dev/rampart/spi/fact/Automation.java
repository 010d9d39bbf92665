package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * Automation of identity operations.
 *
 * @param certificateRenewal device certificates are renewed automatically; {@code null} when unknown
 * @param onboarding device onboarding is automated; {@code null} when unknown
 */
public record Automation(
    @Nullable Boolean certificateRenewal,
    @Nullable Boolean onboarding) {
}
