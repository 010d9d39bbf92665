package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the organisation rolls out updates.
 *
 * @param stagedTesting updates are tested in a staged environment before fleet rollout; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record UpdateProcess(
    @Nullable Boolean stagedTesting) {
}
