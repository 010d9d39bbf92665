package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.runtime.BoundedResults;
import dev.rampart.engine.internal.runtime.StreamingRun;
import dev.rampart.engine.value.DuplicateFactIdException;
import dev.rampart.engine.value.EvaluationCancelledException;
import dev.rampart.spi.fact.Fact;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

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
@API(status = STABLE, since = "0.1")
public final class StreamingEvaluation implements AutoCloseable {

  private final StreamingRun run;
  private final BiFunction<BoundedResults, Map<EvaluationStatistics.Phase, Duration>, Report> reports;

  StreamingEvaluation(
      StreamingRun run, BiFunction<BoundedResults, Map<EvaluationStatistics.Phase, Duration>, Report> reports) {
    this.run = run;
    this.reports = reports;
  }

  /**
   * Adds a fact to the evaluation.
   *
   * @throws IllegalStateException if it is not a device and devices have been evaluated already
   *     (put networks, vendors and deployments before devices), or the evaluation is finished
   * @throws EvaluationCancelledException if the calling thread is interrupted while the evaluation
   *     waits for a shard to finish
   */
  public void add(Fact fact) {
    run.add(Objects.requireNonNull(fact, "fact"));
  }

  /**
   * Evaluates what is left and returns the report.
   *
   * @throws DuplicateFactIdException if two facts of one type had the same id (checked once all
   *     are in, which costs no memory per fact while they stream)
   * @throws IllegalStateException if called twice
   * @throws EvaluationCancelledException if the calling thread is interrupted; no shard is left
   *     running, and the thread's interrupt flag stays set
   */
  public Report finish() {
    Map<EvaluationStatistics.Phase, Duration> phases = new EnumMap<>(EvaluationStatistics.Phase.class);
    long started = System.nanoTime();
    BoundedResults results = run.finish();
    ComplianceEngine.lap(phases, EvaluationStatistics.Phase.EVALUATE_RULES, started);
    return reports.apply(results, phases);
  }

  /** Stops the evaluation's shards and waits until none is running; a report not finished is lost. */
  @Override
  public void close() {
    run.close();
  }
}
