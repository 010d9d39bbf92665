package dev.rampart.engine.internal.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * How the engine runs evaluations: on which threads, in shards of how many devices, and within
 * which limits.
 *
 * @param executor where shards run; never shut down by the engine
 * @param shardSize devices per parallel session
 * @param maxFacts at most this many facts are evaluated; {@link Long#MAX_VALUE} for no limit
 * @param timeLimit an evaluation stops after this long; {@code null} for no limit
 */
public record Execution(Executor executor, int shardSize, long maxFacts, @Nullable Duration timeLimit) {

  public Execution {
    Objects.requireNonNull(executor, "executor");
  }

  /** The incomplete reason of a run stopped at the time limit, with how many facts it evaluated. */
  String stoppedAtTimeLimit(long evaluated, long given) {
    return "stopped at the time limit of " + timeLimit + ": " + evaluated + " of " + given + " facts evaluated";
  }

  /** The incomplete reason of a run that left out facts beyond the limit. */
  String stoppedAtFactLimit(long given) {
    return "stopped at the fact limit of " + maxFacts + ": " + maxFacts + " of " + given + " facts evaluated";
  }
}
