package dev.rampart.example.embedding;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/** An engine configured for a long-running service: docs/embedding.md's opening example. */
public final class ServiceEngine {

  private ServiceEngine() {}

  /**
   * Builds the engine once, at start-up.
   *
   * @param clock the "now" durations are measured against ({@code Clock.systemUTC()} in production)
   * @param evaluations yours, e.g. {@code Executors.newFixedThreadPool(4)}: Rampart never shuts it down
   */
  public static ComplianceEngine build(Clock clock, Executor evaluations) throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.builtin("iot-baseline"))
        .clock(clock)
        .executor(evaluations)                // optional: the default is one shared pool per JVM
        .timeLimit(Duration.ofSeconds(30))    // every evaluation, session report and streaming evaluation
        .maxFacts(500_000)
        .compileEagerly(true)                 // compile every rule base now, on the executor, not on first use
        .build();
  }
}
