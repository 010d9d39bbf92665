package dev.rampart.spi.fact;

import org.jspecify.annotations.Nullable;

/**
 * How the organisation rolls out updates.
 *
 * @param stagedTesting updates are tested in a staged environment before fleet rollout; {@code null} when unknown
 */
public record UpdateProcess(
    @Nullable Boolean stagedTesting) {
}
