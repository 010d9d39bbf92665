package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.runtime.BoundedResults;
import dev.rampart.engine.internal.runtime.CompileException;
import dev.rampart.engine.internal.runtime.CompiledProgram;
import dev.rampart.engine.internal.runtime.Execution;
import dev.rampart.engine.internal.runtime.ParameterOverride;
import dev.rampart.engine.internal.runtime.ProgramCompiler;
import dev.rampart.engine.internal.runtime.StreamingRun;
import dev.rampart.engine.internal.runtime.Workers;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.value.DuplicateFactIdException;
import dev.rampart.engine.value.EvaluationCancelledException;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates facts against rule packs. Immutable and thread-safe once built: the packs are compiled
 * once into a Drools knowledge base, and every evaluation or session gets its own working memory.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder()
 *     .pack(RulePacks.builtin("iot-baseline"))
 *     .parameter("maxFirmwareAge", "P180D")
 *     .build();
 * Report report = engine.evaluate(facts);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class ComplianceEngine {

  /** Devices per Drools session when a large fleet is evaluated in parallel shards. */
  static final int DEFAULT_SHARD_SIZE = 2_000;

  private final List<RulePack> packs;
  private final CompiledProgram program;
  private final List<Rule> rules;
  private final List<Report.PackInfo> packInfos;
  private final Clock clock;
  private final Execution execution;
  private final EvaluationParts parts;

  private ComplianceEngine(List<RulePack> packs, CompiledProgram program, Clock clock, Execution execution) {
    this.packs = List.copyOf(packs);
    this.program = program;
    this.rules = program.rules();
    this.clock = clock;
    this.execution = execution;
    this.packInfos = packs.stream()
        .map(p -> new Report.PackInfo(p.id(), p.version(), p.title(), p.base().orElse(null), p.disabledRules(),
            p.origin()))
        .toList();
    this.parts = new EvaluationParts(program, rules, clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The packs this engine evaluates. */
  public List<RulePack> packs() {
    return packs;
  }

  /** Every rule of every pack, in pack order. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The rules split as an evaluation spread over many machines needs them, each part evaluated
   * against this engine's clock.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public EvaluationParts parts() {
    return parts;
  }

  /**
   * Evaluates a complete set of facts.
   *
   * @throws DuplicateFactIdException if two facts of one type share an id
   */
  public Report evaluate(Collection<? extends Fact> facts) {
    return evaluate(facts, Provenance.none());
  }

  /**
   * Evaluates a complete set of facts; evidence names the source of each value it cites, as the
   * provenance tells. Sources are looked up only for results that carry evidence, once evaluation
   * is done.
   *
   * <p>A fleet of more devices than one shard holds is evaluated in parallel shards on the engine's
   * executor ({@link Builder#executor}). With a fact limit ({@link Builder#maxFacts}) the facts
   * beyond it are left out, devices first; at the time limit ({@link Builder#timeLimit}) the shards
   * still running are stopped. The report then says it is incomplete and covers only the facts
   * evaluated: nothing unevaluated is ever reported as a pass.
   *
   * @throws DuplicateFactIdException if two facts of one type share an id
   * @throws EvaluationCancelledException if the calling thread is interrupted; no shard of the
   *     evaluation is left running, and the thread's interrupt flag stays set
   */
  public Report evaluate(Collection<? extends Fact> facts, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Map<EvaluationStatistics.Phase, Duration> phases = new EnumMap<>(EvaluationStatistics.Phase.class);
    long started = System.nanoTime();
    List<DuplicateFactIdException.Duplicate> duplicates = duplicates(facts);
    if (!duplicates.isEmpty()) {
      throw new DuplicateFactIdException(duplicates);
    }
    started = lap(phases, EvaluationStatistics.Phase.CHECK_FACTS, started);
    Instant now = clock.instant();
    BoundedResults results = program.evaluate(facts, now, execution);
    started = lap(phases, EvaluationStatistics.Phase.EVALUATE_RULES, started);
    if (provenance != Provenance.none()) {
      results = program.withSources(results, facts, Boundary.origins(provenance));
      lap(phases, EvaluationStatistics.Phase.ATTRIBUTE_SOURCES, started);
    }
    return report(now, results, phases);
  }

  private Report report(Instant now, BoundedResults bounded, Map<EvaluationStatistics.Phase, Duration> phases) {
    Report report = new Report(packInfos, now, bounded.results(), rules, phases);
    String incomplete = bounded.incompleteReason();
    return incomplete == null ? report : report.incomplete(incomplete);
  }

  /** Records the time since {@code started} as the phase's, and returns the time now. */
  static long lap(Map<EvaluationStatistics.Phase, Duration> phases, EvaluationStatistics.Phase phase, long started) {
    long now = System.nanoTime();
    phases.merge(phase, Duration.ofNanos(now - started), Duration::plus);
    return now;
  }

  /**
   * Starts an evaluation of facts handed over one by one: devices are evaluated in shards while
   * the rest are read, so a fleet need not fit in memory. Its report equals what
   * {@link #evaluate(Collection, Provenance)} gives for the same facts. Its shards run on the
   * engine's executor. The fact limit leaves out the facts added beyond it; the time limit counts
   * from now, and facts added after it are left out: the report then says it is incomplete.
   */
  public StreamingEvaluation startEvaluation(Provenance provenance) {
    return startEvaluation(provenance, FindingListener.NONE);
  }

  /**
   * Starts an evaluation of facts handed over one by one, as {@link #startEvaluation(Provenance)}
   * does, telling the listener of each finding as the shards find it.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public StreamingEvaluation startEvaluation(Provenance provenance, FindingListener listener) {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(listener, "listener");
    Instant now = clock.instant();
    StreamingRun run = program.startStreaming(now, Boundary.origins(provenance), execution,
        finding -> listener.findingChanged(FindingEvent.of(null, Boundary.result(finding, rules))));
    return new StreamingEvaluation(run, (results, phases) -> report(now, results, phases));
  }

  /**
   * Explains one rule's result for one fact: the condition tree with each node's value and each
   * leaf's actual value.
   *
   * @param ruleId a rule id, or {@code packId/ruleId} when several packs define it
   * @param facts all facts, so references and uniqueness resolve as in an evaluation
   * @throws IllegalArgumentException if the rule or the fact is not known, naming what is
   */
  public Explanation explain(String ruleId, FactType type, String factId, Collection<? extends Fact> facts) {
    return explain(ruleId, type, factId, facts, Provenance.none());
  }

  /**
   * Explains one rule's result for one fact, as {@link #explain(String, FactType, String, Collection)}
   * does, with every piece of evidence naming the source of its value as the provenance tells.
   */
  public Explanation explain(
      String ruleId, FactType type, String factId, Collection<? extends Fact> facts, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    return Boundary.explanation(
        program.explain(ruleId, type, factId, facts, clock.instant(), Boundary.origins(provenance)), rules);
  }

  /**
   * Opens an incremental session; durations are measured against the clock's time now, until the
   * session's clock is advanced ({@link ComplianceSession#advanceClock()}). The engine's fact limit
   * bounds the facts it holds, and its time limit each report.
   */
  public ComplianceSession openSession() {
    return openSession(FindingListener.NONE);
  }

  /**
   * Opens an incremental session, as {@link #openSession()} does, that tells the listener of every
   * finding added, changed or removed each time its results are brought up to date.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public ComplianceSession openSession(FindingListener listener) {
    Objects.requireNonNull(listener, "listener");
    return new EngineSession(program.openSession(clock.instant(), execution, change -> listener.findingChanged(
            FindingEvent.of(Boundary.resultOrNull(change.before(), rules), Boundary.resultOrNull(change.after(), rules)))),
        packInfos, rules, clock);
  }

  /** How many Drools knowledge bases are compiled so far; for tests. */
  int ruleBasesCompiled() {
    return program.compiled();
  }

  private static List<DuplicateFactIdException.Duplicate> duplicates(Collection<? extends Fact> facts) {
    Map<FactType, Set<String>> seen = new EnumMap<>(FactType.class);
    List<DuplicateFactIdException.Duplicate> duplicates = new ArrayList<>();
    for (Fact fact : facts) {
      if (!seen.computeIfAbsent(fact.type(), t -> new HashSet<>()).add(fact.id())) {
        duplicates.add(new DuplicateFactIdException.Duplicate(fact.type(), fact.id()));
      }
    }
    return duplicates;
  }

  /** Configures an engine: packs, parameter overrides and the clock. */
  public static final class Builder {

    private final List<RulePack> packs = new ArrayList<>();
    /** Overrides by name: text to parse by the parameter's type, or a value given typed. */
    private final Map<String, ParameterOverride> parameters = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private long maxFacts = Long.MAX_VALUE;
    private @Nullable Duration timeLimit;
    private int shardSize = DEFAULT_SHARD_SIZE;
    private @Nullable Executor executor;
    private boolean compileEagerly;

    private Builder() {}

    /** Devices per parallel session in a batch evaluation; for tests, which split small fleets too. */
    Builder shardSize(int shardSize) {
      if (shardSize < 1) {
        throw new IllegalArgumentException("shardSize must be at least 1, not " + shardSize);
      }
      this.shardSize = shardSize;
      return this;
    }

    public Builder pack(RulePack pack) {
      packs.add(Objects.requireNonNull(pack, "pack"));
      return this;
    }

    public Builder packs(Collection<RulePack> packs) {
      packs.forEach(this::pack);
      return this;
    }

    /**
     * Overrides a parameter of every pack that declares it; the value is parsed by the parameter's
     * type: a list as {@code [1.0, 1.1]} or {@code 1.0,1.1} (quote an element that holds a comma), a
     * duration as {@code P30D}.
     */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), new ParameterOverride.Text(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Overrides a list parameter with these values, taken as they are (no brackets or quotes to parse). */
    public Builder parameter(String name, List<String> values) {
      Objects.requireNonNull(values, "values").forEach(v -> Objects.requireNonNull(v, "values contains null"));
      parameters.put(Objects.requireNonNull(name, "name"), new ParameterOverride.Values(values));
      return this;
    }

    /** Overrides a duration parameter. */
    public Builder parameter(String name, Duration value) {
      parameters.put(Objects.requireNonNull(name, "name"), new ParameterOverride.OfDuration(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Overrides an integer (or number) parameter. */
    public Builder parameter(String name, long value) {
      parameters.put(Objects.requireNonNull(name, "name"), new ParameterOverride.OfNumber(BigDecimal.valueOf(value)));
      return this;
    }

    /**
     * Evaluate at most this many facts: an evaluation or a streaming evaluation of more leaves the
     * rest out and its report is incomplete ({@link Report#isComplete()}); a session refuses to hold
     * more.
     */
    public Builder maxFacts(long maxFacts) {
      if (maxFacts < 1) {
        throw new IllegalArgumentException("maxFacts must be at least 1, not " + maxFacts);
      }
      this.maxFacts = maxFacts;
      return this;
    }

    /**
     * Stop an evaluation or a streaming evaluation that runs longer than this: its report then covers
     * the facts whose shards finished and is incomplete. A session's report that takes longer stops
     * with {@link EvaluationCancelledException}, and the next one goes on from there.
     */
    public Builder timeLimit(Duration timeLimit) {
      Objects.requireNonNull(timeLimit, "timeLimit");
      if (timeLimit.isNegative() || timeLimit.isZero()) {
        throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
      }
      this.timeLimit = timeLimit;
      return this;
    }

    /**
     * The executor the shards of large evaluations and of streaming evaluations run on. It stays the
     * caller's: the engine never shuts it down, and runs at most as many shards at once as it is given
     * threads. The default is one pool shared by every engine in the JVM, of daemon threads, one per
     * available processor, however many evaluations run at once.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Whether {@link #build()} compiles every rule base evaluations and sessions may need, in parallel
     * on the executor: the rules as sharded evaluations split them, the rules comparing facts with
     * each other, and the rules of incremental sessions. Then the first evaluation of a large fleet
     * or the first session is as fast as the next; otherwise each is compiled on first use, and
     * {@code build()} is faster. The default is {@code false}.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Builder compileEagerly(boolean compileEagerly) {
      this.compileEagerly = compileEagerly;
      return this;
    }

    /** The clock durations are measured against; the default is the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Binds parameters and compiles every pack onto one Drools knowledge base.
     *
     * @throws PackLoadException if a parameter override is unknown or does not fit its uses, or two
     *     packs share an id
     * @throws EvaluationCancelledException if the thread is interrupted while compiling eagerly
     */
    public ComplianceEngine build() throws PackLoadException {
      if (packs.isEmpty()) {
        throw new IllegalStateException("add at least one rule pack with pack(...)");
      }
      CompiledProgram program;
      try {
        program = ProgramCompiler.compile(packs.stream().map(RulePack::definition).toList(), parameters);
      } catch (CompileException e) {
        throw new PackLoadException(e.problems());
      }
      Execution execution =
          new Execution(executor == null ? Workers.shared() : executor, shardSize, maxFacts, timeLimit);
      if (compileEagerly) {
        program.compileAll(execution.executor());
      }
      return new ComplianceEngine(packs, program, clock, execution);
    }
  }
}
