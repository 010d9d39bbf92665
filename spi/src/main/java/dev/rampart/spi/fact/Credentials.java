package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * How a device proves its identity and what secrets it holds.
 *
 * @param defaultPassword a vendor default password is still set; {@code null} when unknown
 * @param sharedPassword a password is shared with other devices or published by the vendor; {@code null} when unknown
 * @param fingerprint a stable fingerprint of the device's credential, for uniqueness across the fleet; {@code null} when unknown
 * @param authMethod how the device authenticates; {@code null} when unknown
 * @param certificate the device's identity certificate; {@code null} when unknown
 */
public record Credentials(
    @Nullable Boolean defaultPassword,
    @Nullable Boolean sharedPassword,
    @Nullable String fingerprint,
    @Nullable AuthMethod authMethod,
    @Nullable Certificate certificate) {
}
