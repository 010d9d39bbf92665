package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Projection;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The machinery of an evaluation of facts handed over one at a time, for fleets too large to hold:
 * devices are evaluated in shards while the rest are still being read, and each shard's devices are
 * let go as soon as its findings are known. The results are the ones a batch evaluation gives for
 * the same facts.
 *
 * <p>Rules that compare devices with each other ({@code unique}) still see the whole fleet: every
 * device is also kept, cut down to the fields those rules read, and once all are in they are
 * evaluated in sessions partitioned by the value compared ({@link FleetRules}).
 *
 * <p>Networks, vendors and deployments must come before the devices that follow the first full
 * shard, since shards are evaluated against the facts known when they fill. Not thread-safe: one
 * thread adds facts.
 */
public final class StreamingRun implements AutoCloseable {

  private final RuleBases bases;
  private final Instant now;
  private final Origins origins;
  private final int shardSize;
  private final ExecutorService pool;
  private final int threads;
  private final Semaphore inFlight;
  private final FleetRules fleetRules;
  private final Projection fleetProjection;
  private final List<Fact> fleetDevices = new ArrayList<>();
  private final List<Fact> context = new ArrayList<>();
  private final Map<FactType, List<String>> ids = new EnumMap<>(FactType.class);
  private final List<Future<ShardResult>> shards = new ArrayList<>();
  private List<Fact> shard = new ArrayList<>();
  private ContextIndex contextIndex;
  private boolean finished;

  StreamingRun(RuleBases bases, Instant now, Origins origins, int shardSize) {
    this.bases = bases;
    this.now = now;
    this.origins = Objects.requireNonNull(origins, "origins");
    this.shardSize = shardSize;
    int threads = Runtime.getRuntime().availableProcessors();
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, new BatchEvaluation.Workers());
    // a shard holds its devices until evaluated: one per thread at a time, while the next one fills
    this.inFlight = new Semaphore(threads);
    this.fleetProjection = Projection.of(bases.programs().stream()
        .filter(RuleBases::needsFleet)
        .filter(program -> program.rule().target() == FactType.DEVICE)
        .toList());
    this.fleetRules = bases.fleetRules();
    for (FactType type : FactType.values()) {
      ids.put(type, new ArrayList<>());
    }
  }

  /**
   * Adds a fact to the evaluation.
   *
   * @throws IllegalStateException if it is not a device and devices have been evaluated already
   *     (put networks, vendors and deployments before devices), or the evaluation is finished
   */
  public void add(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    if (finished) {
      throw new IllegalStateException("the evaluation is finished; start another to add facts");
    }
    ids.get(fact.type()).add(fact.id());
    if (fact.type() != FactType.DEVICE) {
      if (!shards.isEmpty()) {
        throw new IllegalStateException(fact.type().wireName() + " '" + fact.id() + "' comes after devices that were"
            + " already evaluated; put networks, vendors and deployments before the devices, or evaluate with"
            + " ComplianceEngine.evaluate");
      }
      context.add(fact);
      return;
    }
    fleetDevices.add(fleetProjection.apply(fact));
    shard.add(fact);
    if (shard.size() >= shardSize) {
      dispatch();
    }
  }

  /**
   * Evaluates what is left and returns the results.
   *
   * @throws IllegalArgumentException if two facts of one type had the same id (checked once all
   *     are in, which costs no memory per fact while they stream)
   * @throws IllegalStateException if called twice
   */
  public ResultTable finish() {
    if (finished) {
      throw new IllegalStateException("the evaluation is finished already");
    }
    finished = true;
    Map<FactType, String[]> sortedIds = ResultTable.sortedIds(ids);
    ids.clear();
    for (Map.Entry<FactType, String[]> ofType : sortedIds.entrySet()) {
      String[] sorted = ofType.getValue();
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i].equals(sorted[i - 1])) {
          pool.shutdownNow();
          throw new IllegalArgumentException("facts must have unique ids per type; duplicated: "
              + ofType.getKey().wireName() + " '" + sorted[i] + "'");
        }
      }
    }
    if (!shard.isEmpty() || shards.isEmpty()) {
      dispatch();
    }
    Map<FactType, List<Fact>> byType = new EnumMap<>(FactType.class);
    byType.put(FactType.DEVICE, fleetDevices);
    context.forEach(fact -> byType.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact));
    ExecutorService fleetPool = Executors.newFixedThreadPool(threads, new BatchEvaluation.Workers());
    List<Future<List<Finding>>> fleet = new ArrayList<>();
    for (java.util.concurrent.Callable<List<Finding>> task : fleetRules.tasks(bases, now, byType, shardSize)) {
      fleet.add(fleetPool.submit(task));
    }
    ResultTable.Builder table = new ResultTable.Builder(bases.rules(), sortedIds);
    try {
      for (Future<ShardResult> future : shards) {
        future.get().recordInto(table);
      }
      // the devices of the fleet's sessions are cut down: the evidence of their findings names
      // sources by fact, which needs no more than the fields the rules read
      List<Fact> known = new ArrayList<>(context);
      known.addAll(fleetDevices);
      EvidenceSources sources = EvidenceSources.of(origins, known);
      for (Future<List<Finding>> future : fleet) {
        for (Finding finding : future.get()) {
          table.record(sources.decorate(finding.result()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    } catch (ExecutionException e) {
      throw BatchEvaluation.unwrap(e);
    } finally {
      pool.shutdownNow();
      fleetPool.shutdownNow();
      fleetDevices.clear();
    }
    return table.build();
  }

  /** Stops the evaluation's threads; results not finished are lost. */
  @Override
  public void close() {
    pool.shutdownNow();
    finished = true;
  }

  private void dispatch() {
    List<Fact> devices = shard;
    boolean first = shards.isEmpty();
    if (first) {
      contextIndex = new ContextIndex(context);
    }
    // the first shard also evaluates the other facts; the rest need only what their devices refer to
    List<Fact> others = first ? List.copyOf(context) : contextIndex.referencedBy(devices);
    shard = new ArrayList<>();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    }
    shards.add(pool.submit(() -> {
      try {
        return evaluate(devices, others, first);
      } finally {
        inFlight.release();
      }
    }));
  }

  // Facts of other types are in every shard; only the first reports them.
  private ShardResult evaluate(List<Fact> devices, List<Fact> others, boolean reportsOtherTypes) {
    List<Finding> findings = new ArrayList<>();
    RuleBase base = reportsOtherTypes ? bases.local() : bases.localDevices();
    base.evaluateOnce(now, finding -> {
      if (reportsOtherTypes || finding.result().factType() == FactType.DEVICE) {
        findings.add(finding);
      }
    }, others, devices);
    List<Fact> facts = new ArrayList<>(others);
    facts.addAll(devices);
    EvidenceSources sources = EvidenceSources.of(origins, facts);
    ShardResult result = new ShardResult(bases.rules().size());
    for (Finding finding : findings) {
      result.add(finding.result().isFinding() ? sources.decorate(finding.result()) : finding.result());
    }
    return result;
  }

  /**
   * What a shard found, held until the report is built (its devices are gone by then): findings
   * whole, the other outcomes as no more than the fact's id.
   */
  private static final class ShardResult {

    private final List<Result> findings = new ArrayList<>();
    private final List<List<String>> notApplicable = new ArrayList<>();

    ShardResult(int rules) {
      for (int i = 0; i < rules; i++) {
        notApplicable.add(new ArrayList<>(0));
      }
    }

    void add(Result result) {
      if (result.outcome() == Outcome.NOT_APPLICABLE) {
        notApplicable.get(result.rule()).add(result.factId());
      } else {
        findings.add(result);
      }
    }

    void recordInto(ResultTable.Builder table) {
      findings.forEach(table::record);
      for (int rule = 0; rule < notApplicable.size(); rule++) {
        for (String id : notApplicable.get(rule)) {
          table.recordNotApplicable(rule, id);
        }
      }
    }
  }
}
