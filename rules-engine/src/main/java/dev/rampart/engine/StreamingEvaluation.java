package dev.rampart.engine;

import dev.rampart.engine.internal.runtime.StreamingRun;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An evaluation of facts handed over one at a time, for fleets too large to hold: devices are
 * evaluated in shards while the rest are still being read, and each shard's devices are let go as
 * soon as its findings are known. The report is the one {@link ComplianceEngine#evaluate} gives
 * for the same facts.
 *
 * <p>Rules that compare devices with each other ({@code unique}) still see the whole fleet: every
 * device is also kept, cut down to the fields those rules read, and once all are in they are
 * evaluated in sessions partitioned by the value compared.
 *
 * <p>Networks, vendors and deployments must come before the devices that follow the first full
 * shard, since shards are evaluated against the facts known when they fill; inventories list them
 * first, and {@link #add} refuses one that comes too late. Not thread-safe: one thread adds facts.
 *
 * <pre>{@code
 * try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
 *   source.read((fact, origin) -> evaluation.add(fact));
 *   Report report = evaluation.finish();
 * }
 * }</pre>
 */
public final class StreamingEvaluation implements AutoCloseable {

  private final StreamingRun run;
  private final List<Report.PackInfo> packs;
  private final List<Rule> rules;
  private final Instant now;

  StreamingEvaluation(StreamingRun run, List<Report.PackInfo> packs, List<Rule> rules, Instant now) {
    this.run = run;
    this.packs = packs;
    this.rules = rules;
    this.now = now;
  }

  /**
   * Adds a fact to the evaluation.
   *
   * @throws IllegalStateException if it is not a device and devices have been evaluated already
   *     (put networks, vendors and deployments before devices), or the evaluation is finished
   */
  public void add(Fact fact) {
    run.add(Objects.requireNonNull(fact, "fact"));
  }

  /**
   * Evaluates what is left and returns the report.
   *
   * @throws IllegalArgumentException if two facts of one type had the same id (checked once all
   *     are in, which costs no memory per fact while they stream)
   * @throws IllegalStateException if called twice
   */
  public Report finish() {
    return new Report(packs, now, run.finish(), rules);
  }

  /** Stops the evaluation's threads; a report not finished is lost. */
  @Override
  public void close() {
    run.close();
  }
}
