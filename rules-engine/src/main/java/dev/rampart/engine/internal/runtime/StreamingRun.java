package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.Projection;
import dev.rampart.engine.value.DuplicateFactIdException;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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
 *
 * <p>Limits: facts beyond the fact limit are left out. At the time limit the shards still running
 * are stopped and later facts are left out; the rules comparing devices then run over the devices
 * evaluated (which adds their time), and the results cover only those.
 */
public final class StreamingRun implements AutoCloseable {

  private final RuleBases bases;
  private final Instant now;
  private final Origins origins;
  private final Execution execution;
  private final Consumer<Result> findings;
  private final Object announcing = new Object();
  private final long deadline;
  private final EvaluationTasks tasks;
  /** Shards at most waiting or running at a time: each holds its devices until evaluated. */
  private final int inFlight;
  private final FleetRules fleetRules;
  private final Projection fleetProjection;
  private final List<Fact> fleetDevices = new ArrayList<>();
  private final List<Fact> context = new ArrayList<>();
  private final Map<FactType, List<String>> ids = new EnumMap<>(FactType.class);
  private final List<ShardTask> shards = new ArrayList<>();
  private List<Fact> shard = new ArrayList<>();
  private ContextIndex contextIndex;
  private long given;
  private long kept;
  private boolean finished;

  /**
   * @param findings told of every finding as it is found, from the evaluation's threads, one at a
   *     time
   */
  StreamingRun(RuleBases bases, Instant now, Origins origins, Execution execution, Consumer<Result> findings) {
    this.findings = Objects.requireNonNull(findings, "findings");
    this.bases = bases;
    this.now = now;
    this.origins = Objects.requireNonNull(origins, "origins");
    this.execution = execution;
    this.deadline = EvaluationTasks.deadline(execution.timeLimit());
    this.tasks = new EvaluationTasks(execution.executor(), deadline);
    this.inFlight = Runtime.getRuntime().availableProcessors();
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
   * Adds a fact to the evaluation; beyond the fact limit, or once the time limit passed, it is
   * counted and left out.
   *
   * @throws IllegalStateException if it is not a device and devices have been evaluated already
   *     (put networks, vendors and deployments before devices), or the evaluation is finished
   * @throws dev.rampart.engine.value.EvaluationCancelledException if the thread was interrupted
   *     while the evaluation waited for a shard to finish
   */
  public void add(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    if (finished) {
      throw new IllegalStateException("the evaluation is finished; start another to add facts");
    }
    given++;
    if (kept >= execution.maxFacts() || tasks.stopped() == EvaluationTasks.Stop.TIME_LIMIT) {
      return;
    }
    kept++;
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
    if (shard.size() >= execution.shardSize()) {
      dispatch();
    }
  }

  /**
   * Evaluates what is left and returns the results.
   *
   * @throws IllegalArgumentException if two facts of one type had the same id (checked once all
   *     are in, which costs no memory per fact while they stream)
   * @throws IllegalStateException if called twice
   * @throws dev.rampart.engine.value.EvaluationCancelledException if the thread was interrupted
   */
  public BoundedResults finish() {
    if (finished) {
      throw new IllegalStateException("the evaluation is finished already");
    }
    finished = true;
    try {
      return results();
    } finally {
      fleetDevices.clear();
    }
  }

  /** Stops the evaluation's shards and waits until none is running; results not finished are lost. */
  @Override
  public void close() {
    finished = true;
    tasks.cancel();
  }

  private BoundedResults results() {
    Map<FactType, String[]> sortedIds = ResultTable.sortedIds(ids);
    ids.clear();
    for (Map.Entry<FactType, String[]> ofType : sortedIds.entrySet()) {
      String[] sorted = ofType.getValue();
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i].equals(sorted[i - 1])) {
          tasks.cancel();
          throw new DuplicateFactIdException(List.of(new DuplicateFactIdException.Duplicate(ofType.getKey(), sorted[i])));
        }
      }
    }
    if (tasks.stopped() == EvaluationTasks.Stop.NONE && (!shard.isEmpty() || shards.isEmpty())) {
      dispatch();
    }
    String what = "the streaming evaluation of " + given + " facts";
    boolean stoppedEarly = tasks.await(what) == EvaluationTasks.Stop.TIME_LIMIT;
    // the ids of the facts whose shards finished, when not all did
    Map<FactType, Set<String>> evaluated = stoppedEarly ? evaluatedByShards(sortedIds) : null;
    List<Fact> devices = evaluated == null ? fleetDevices : Shard.only(fleetDevices, evaluated);
    Map<FactType, List<Fact>> byType = new EnumMap<>(FactType.class);
    byType.put(FactType.DEVICE, devices);
    context.forEach(fact -> byType.computeIfAbsent(fact.type(), type -> new ArrayList<>()).add(fact));
    // past the time limit, the devices evaluated still get the rules comparing them
    EvaluationTasks fleet = new EvaluationTasks(execution.executor(), stoppedEarly ? Long.MAX_VALUE : deadline);
    List<Shard<List<Finding>>> fleetShards = fleetRules.tasks(bases, now, byType, execution.shardSize());
    List<EvaluationTasks.Task<List<Finding>>> fleetTasks = new ArrayList<>();
    fleetShards.forEach(task -> fleetTasks.add(fleet.submit(task.work())));
    if (fleet.await(what) == EvaluationTasks.Stop.TIME_LIMIT) {
      List<Shard<?>> unfinished = new ArrayList<>();
      for (int i = 0; i < fleetShards.size(); i++) {
        if (!fleetTasks.get(i).isDone()) {
          unfinished.add(fleetShards.get(i));
        }
      }
      List<Fact> all = new ArrayList<>(context);
      all.addAll(devices);
      Map<FactType, Set<String>> byFleet = Shard.evaluated(all, unfinished);
      if (evaluated != null) {
        for (FactType type : FactType.values()) {
          byFleet.get(type).retainAll(evaluated.get(type));
        }
      }
      evaluated = byFleet;
      stoppedEarly = true;
    }
    Map<FactType, String[]> tableIds = sortedIds;
    if (evaluated != null) {
      tableIds = ResultTable.sortedIds(evaluated);
    }
    ResultTable.Builder table = new ResultTable.Builder(bases.rules(), tableIds);
    for (ShardTask task : shards) {
      if (task.task.isDone()) {
        task.task.result().recordInto(table, evaluated, bases.rules());
      }
    }
    // the devices of the fleet's sessions are cut down: the evidence of their findings names
    // sources by fact, which needs no more than the fields the rules read
    List<Fact> known = new ArrayList<>(context);
    known.addAll(fleetDevices);
    EvidenceSources sources = EvidenceSources.of(origins, known);
    for (EvaluationTasks.Task<List<Finding>> task : fleetTasks) {
      if (task.isDone()) {
        for (Finding finding : task.result()) {
          if (isIn(evaluated, finding.result())) {
            Result result = sources.decorate(finding.result());
            table.record(result);
            if (result.isFinding()) {
              announce(result);
            }
          }
        }
      }
    }
    String reason = null;
    if (stoppedEarly) {
      long count = evaluated == null ? kept : evaluated.values().stream().mapToLong(Set::size).sum();
      reason = execution.stoppedAtTimeLimit(count, given);
    } else if (given > kept) {
      reason = execution.stoppedAtFactLimit(given);
    }
    return new BoundedResults(table.build().withUnreadableFacts(origins::unreadable), reason);
  }

  private Map<FactType, Set<String>> evaluatedByShards(Map<FactType, String[]> sortedIds) {
    Map<FactType, Set<String>> evaluated = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      evaluated.put(type, new HashSet<>());
    }
    for (ShardTask task : shards) {
      if (task.task.isDone()) {
        evaluated.get(FactType.DEVICE).addAll(task.deviceIds);
        if (task.first) {
          sortedIds.forEach((type, ofType) -> {
            if (type != FactType.DEVICE) {
              evaluated.get(type).addAll(List.of(ofType));
            }
          });
        }
      }
    }
    return evaluated;
  }

  private static boolean isIn(Map<FactType, Set<String>> evaluated, Result result) {
    return evaluated == null || evaluated.get(result.factType()).contains(result.factId());
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
    tasks.awaitFewerThan(inFlight, "the streaming evaluation of " + given + " facts");
    List<String> deviceIds = devices.stream().map(Fact::id).toList();
    shards.add(new ShardTask(tasks.submit(() -> evaluate(devices, deviceIds, others, first)), deviceIds, first));
  }

  // Facts of other types are in every shard; only the first reports them.
  private ShardResult evaluate(List<Fact> devices, List<String> deviceIds, List<Fact> others, boolean reportsOtherTypes) {
    List<Finding> found = new ArrayList<>();
    RuleBase base = reportsOtherTypes ? bases.local() : bases.localDevices();
    base.evaluateOnce(now, finding -> {
      if (reportsOtherTypes || finding.result().factType() == FactType.DEVICE) {
        found.add(finding);
      }
    }, others, devices);
    List<Fact> facts = new ArrayList<>(others);
    facts.addAll(devices);
    EvidenceSources sources = EvidenceSources.of(origins, facts);
    ShardResult result = new ShardResult(bases.rules().size(), deviceIds);
    for (Finding finding : found) {
      if (finding.result().isFinding()) {
        Result decorated = sources.decorate(finding.result());
        result.add(decorated);
        announce(decorated);
      } else {
        result.add(finding.result());
      }
    }
    return result.done();
  }

  // shards finish on several threads; the listener hears of one finding at a time
  private void announce(Result finding) {
    synchronized (announcing) {
      findings.accept(finding);
    }
  }

  /** A shard handed to the executor: the ids of its devices, and whether it reports the other facts. */
  private record ShardTask(EvaluationTasks.Task<ShardResult> task, List<String> deviceIds, boolean first) {}

  /**
   * What a shard found, held until the report is built (its devices are gone by then): findings
   * whole, the other outcomes as no more than the fact's id. A device's NOT_APPLICABLE results are a
   * bit per rule over the shard's devices: a million devices have some ten million of them.
   */
  private static final class ShardResult {

    private final List<Result> findings = new ArrayList<>();
    private final List<String> deviceIds;
    private Map<String, Integer> deviceIndex;
    private final BitSet[] notApplicableDevices;
    private final List<List<String>> notApplicableOthers = new ArrayList<>();

    ShardResult(int rules, List<String> deviceIds) {
      this.deviceIds = deviceIds;
      deviceIndex = new HashMap<>(deviceIds.size() * 2);
      for (int i = 0; i < deviceIds.size(); i++) {
        deviceIndex.put(deviceIds.get(i), i);
      }
      notApplicableDevices = new BitSet[rules];
      for (int i = 0; i < rules; i++) {
        notApplicableOthers.add(List.of());
      }
    }

    void add(Result result) {
      if (result.outcome() != Outcome.NOT_APPLICABLE) {
        findings.add(result);
        return;
      }
      int rule = result.rule();
      Integer device = result.factType() == FactType.DEVICE ? deviceIndex.get(result.factId()) : null;
      if (device != null) {
        if (notApplicableDevices[rule] == null) {
          notApplicableDevices[rule] = new BitSet(deviceIds.size());
        }
        notApplicableDevices[rule].set(device);
      } else {
        if (notApplicableOthers.get(rule).isEmpty()) {
          notApplicableOthers.set(rule, new ArrayList<>());
        }
        notApplicableOthers.get(rule).add(result.factId());
      }
    }

    /** Done adding: the index of the devices is no longer needed. */
    ShardResult done() {
      deviceIndex = Map.of();
      return this;
    }

    /** Records the results of the facts evaluated ({@code null}: all). */
    void recordInto(ResultTable.Builder table, Map<FactType, Set<String>> evaluated, List<Rule> rules) {
      for (Result result : findings) {
        if (isIn(evaluated, result)) {
          table.record(result);
        }
      }
      for (int rule = 0; rule < rules.size(); rule++) {
        FactType target = rules.get(rule).target();
        BitSet devices = notApplicableDevices[rule];
        if (devices != null) {
          for (int i = devices.nextSetBit(0); i >= 0; i = devices.nextSetBit(i + 1)) {
            recordNotApplicable(table, evaluated, rule, target, deviceIds.get(i));
          }
        }
        for (String id : notApplicableOthers.get(rule)) {
          recordNotApplicable(table, evaluated, rule, target, id);
        }
      }
    }

    private static void recordNotApplicable(
        ResultTable.Builder table, Map<FactType, Set<String>> evaluated, int rule, FactType target, String id) {
      if (evaluated == null || evaluated.get(target).contains(id)) {
        table.recordNotApplicable(rule, id);
      }
    }
  }
}
