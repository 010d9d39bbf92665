package dev.rampart.engine;

import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.drools.RuleBase;
import dev.rampart.engine.internal.eval.BoundParameter;
import dev.rampart.engine.internal.eval.Frames;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.internal.load.ParamUses;
import dev.rampart.engine.internal.load.ParamValues;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
public final class ComplianceEngine {

  private final List<RulePack> packs;
  private final RuleBase rules;
  private final Clock clock;
  private final List<Report.PackInfo> packInfos;
  private final long maxFacts;
  private final @Nullable Duration timeLimit;
  private final BatchEvaluation.RuleBases bases;
  private final List<Rule> ruleList;
  private final int shardSize;

  /** Facts inserted between limit checks when an evaluation is bounded. */
  private static final int LIMIT_BATCH = 1024;

  /** Devices per Drools session when a large fleet is evaluated in parallel shards. */
  static final int DEFAULT_SHARD_SIZE = 2_000;

  private ComplianceEngine(
      List<RulePack> packs, RuleBase rules, Clock clock, long maxFacts, @Nullable Duration timeLimit, int shardSize) {
    this.packs = List.copyOf(packs);
    this.rules = rules;
    this.bases = new BatchEvaluation.RuleBases(rules.programs(), rules);
    this.ruleList = rules.programs().stream().map(RuleProgram::rule).toList();
    this.shardSize = shardSize;
    this.clock = clock;
    this.maxFacts = maxFacts;
    this.timeLimit = timeLimit;
    this.packInfos = packs.stream()
        .map(p -> new Report.PackInfo(p.id(), p.version(), p.title(), p.base().orElse(null), p.disabledRules(),
            p.origin()))
        .toList();
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
    return ruleList;
  }

  /**
   * Evaluates a complete set of facts.
   *
   * @throws IllegalArgumentException if two facts of one type share an id
   */
  public Report evaluate(Collection<? extends Fact> facts) {
    return evaluate(facts, Provenance.none());
  }

  /**
   * Evaluates a complete set of facts; evidence names the source of each value it cites, as the
   * provenance tells. Sources are looked up only for results that carry evidence, once evaluation
   * is done.
   *
   * @throws IllegalArgumentException if two facts of one type share an id
   */
  public Report evaluate(Collection<? extends Fact> facts, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Report report = evaluateFacts(facts);
    if (provenance == Provenance.none()) {
      return report;
    }
    EvidenceSources sources = EvidenceSources.of(provenance, facts);
    return report.withFindings(sources::decorate);
  }

  private Report evaluateFacts(Collection<? extends Fact> facts) {
    List<String> duplicates = duplicates(facts);
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("facts must have unique ids per type; duplicated: " + String.join(", ", duplicates));
    }
    if (maxFacts == Long.MAX_VALUE && timeLimit == null) {
      Instant now = clock.instant();
      return new Report(packInfos, now, new BatchEvaluation(bases, ruleList, now, shardSize).run(facts));
    }
    return evaluateWithinLimits(facts);
  }

  /**
   * Evaluates in batches, referenced facts first, stopping at the fact or time limit. The report
   * then says it is incomplete and covers only the facts evaluated: nothing unevaluated is ever
   * reported as a pass.
   */
  private Report evaluateWithinLimits(Collection<? extends Fact> facts) {
    long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
    List<Fact> ordered = new ArrayList<>(facts);
    // devices refer to networks and vendors; evaluating those first keeps early batches' joins whole
    ordered.sort(java.util.Comparator.comparingInt(f -> f.type() == FactType.DEVICE ? 1 : 0));
    String stop = null;
    try (DroolsSession session = (DroolsSession) openSession();
        Alarm alarm = timeLimit == null ? null : new Alarm(deadline)) {
      int inserted = 0;
      while (inserted < ordered.size()) {
        if (inserted >= maxFacts) {
          stop = "stopped at the fact limit of " + maxFacts;
          break;
        }
        if (System.nanoTime() > deadline) {
          stop = "stopped at the time limit of " + timeLimit;
          break;
        }
        int end = (int) Math.min(Math.min(ordered.size(), inserted + (long) LIMIT_BATCH), maxFacts);
        for (Fact fact : ordered.subList(inserted, end)) {
          session.insert(fact);
        }
        inserted = end;
        session.settle();
        if (alarm != null && alarm.rang()) {
          // a match cut short by the alarm is an ERROR result of a fact of this batch: it is reported,
          // and the report says it stopped
          stop = "stopped at the time limit of " + timeLimit;
          break;
        }
      }
      Report report = session.report();
      return stop == null ? report
          : report.incomplete(stop + ": " + inserted + " of " + ordered.size() + " facts evaluated");
    }
  }

  /**
   * Interrupts the evaluating thread at the deadline, so that work within one batch that reads long
   * texts (a regular expression match) stops there too; closing it before then cancels it and leaves
   * the thread's interrupt flag as it was.
   */
  private static final class Alarm implements AutoCloseable {

    private final Thread evaluating = Thread.currentThread();
    private final Thread timer;
    private boolean closed;
    private boolean rang;

    Alarm(long deadline) {
      timer = new Thread(() -> {
        try {
          long wait;
          while ((wait = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
          }
        } catch (InterruptedException e) {
          return; // closed before the deadline
        }
        ring();
      }, "rampart-time-limit");
      timer.setDaemon(true);
      timer.start();
    }

    private synchronized void ring() {
      if (!closed) {
        rang = true;
        evaluating.interrupt();
      }
    }

    synchronized boolean rang() {
      return rang;
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        if (rang) {
          Thread.interrupted(); // the flag was ours
        }
      }
      timer.interrupt();
    }
  }

  /**
   * Starts an evaluation of facts handed over one by one: devices are evaluated in shards while
   * the rest are read, so a fleet need not fit in memory. Its report equals what
   * {@link #evaluate(Collection, Provenance)} gives for the same facts. Fact and time limits do not
   * apply to it.
   */
  public StreamingEvaluation startEvaluation(Provenance provenance) {
    return new StreamingEvaluation(bases, ruleList, packInfos, clock.instant(), provenance, shardSize);
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
    return EvidenceSources.of(provenance, facts).decorate(explainFact(ruleId, type, factId, facts));
  }

  private Explanation explainFact(String ruleId, FactType type, String factId, Collection<? extends Fact> facts) {
    List<RuleProgram> matching = rules.programs().stream()
        .filter(p -> p.rule().id().equals(ruleId) || (p.rule().packId() + "/" + p.rule().id()).equals(ruleId))
        .toList();
    if (matching.isEmpty()) {
      List<String> ids = rules.programs().stream().map(p -> p.rule().id()).toList();
      throw new IllegalArgumentException("no rule '" + ruleId + "' in the packs ("
          + dev.rampart.spi.source.DidYouMean.hintOrList(ruleId, ids, "expected one of") + ")");
    }
    if (matching.size() > 1) {
      throw new IllegalArgumentException("rule id '" + ruleId + "' is defined by several packs; write PACK/" + ruleId);
    }
    RuleProgram program = matching.get(0);
    if (program.rule().target() != type) {
      throw new IllegalArgumentException("rule " + ruleId + " applies to " + program.rule().target().wireName()
          + " facts, not to " + type.wireName() + " facts");
    }
    Fact fact = facts.stream().filter(f -> f.type() == type && f.id().equals(factId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + type.wireName() + " with id '" + factId + "' in the facts"));
    return program.explainTree(Frames.of(program, fact, facts, clock.instant()));
  }

  /** Opens an incremental session; durations are measured against the clock's time now. */
  public ComplianceSession openSession() {
    return new DroolsSession(rules, clock.instant(), packInfos);
  }

  private static List<String> duplicates(Collection<? extends Fact> facts) {
    Map<FactType, Set<String>> seen = new EnumMap<>(FactType.class);
    List<String> duplicates = new ArrayList<>();
    for (Fact fact : facts) {
      if (!seen.computeIfAbsent(fact.type(), t -> new HashSet<>()).add(fact.id())) {
        duplicates.add(fact.type().wireName() + " '" + fact.id() + "'");
      }
    }
    return duplicates;
  }

  /** Configures an engine: packs, parameter overrides and the clock. */
  public static final class Builder {

    private final List<RulePack> packs = new ArrayList<>();
    /** Overrides by name: text to parse by the parameter's type, or a value given typed. */
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private long maxFacts = Long.MAX_VALUE;
    private @Nullable Duration timeLimit;
    private int shardSize = DEFAULT_SHARD_SIZE;

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
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Overrides a list parameter with these values, taken as they are (no brackets or quotes to parse). */
    public Builder parameter(String name, List<String> values) {
      Objects.requireNonNull(values, "values").forEach(v -> Objects.requireNonNull(v, "values contains null"));
      parameters.put(Objects.requireNonNull(name, "name"), List.copyOf(values));
      return this;
    }

    /** Overrides a duration parameter. */
    public Builder parameter(String name, Duration value) {
      parameters.put(Objects.requireNonNull(name, "name"), new TypedDuration(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Overrides an integer (or number) parameter. */
    public Builder parameter(String name, long value) {
      parameters.put(Objects.requireNonNull(name, "name"), java.math.BigDecimal.valueOf(value));
      return this;
    }

    /**
     * Evaluate at most this many facts; an evaluation of more stops there and its report is
     * incomplete ({@link Report#isComplete()}).
     */
    public Builder maxFacts(long maxFacts) {
      if (maxFacts < 1) {
        throw new IllegalArgumentException("maxFacts must be at least 1, not " + maxFacts);
      }
      this.maxFacts = maxFacts;
      return this;
    }

    /**
     * Stop an evaluation that runs longer than this; its report then covers the facts evaluated so
     * far and is incomplete. The limit is checked between batches of facts, so a run may exceed it
     * by the time one batch takes.
     */
    public Builder timeLimit(Duration timeLimit) {
      Objects.requireNonNull(timeLimit, "timeLimit");
      if (timeLimit.isNegative() || timeLimit.isZero()) {
        throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
      }
      this.timeLimit = timeLimit;
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
     */
    public ComplianceEngine build() throws PackLoadException {
      if (packs.isEmpty()) {
        throw new IllegalStateException("add at least one rule pack with pack(...)");
      }
      List<Problem> problems = new ArrayList<>();
      Set<String> packIds = new HashSet<>();
      for (RulePack pack : packs) {
        if (!packIds.add(pack.id())) {
          problems.add(new Problem(pack.source(), 0, 0, null, "pack id '" + pack.id() + "' is used by two packs",
              "evaluate each pack once, or give them different ids"));
        }
      }
      Set<String> used = new HashSet<>();
      List<RuleProgram> programs = new ArrayList<>();
      for (RulePack pack : packs) {
        Map<String, BoundParameter> bound = new HashMap<>();
        for (ParamDef param : pack.definition().parameters()) {
          Object raw = param.defaultValue();
          Object override = parameters.get(param.name());
          if (override != null) {
            used.add(param.name());
            try {
              raw = typed(param, override);
              String outOfRange = ParamValues.checkRange(param, raw);
              if (outOfRange != null) {
                problems.add(parameterProblem(pack, param, override, outOfRange));
                continue;
              }
              for (String problem : ParamUses.check(pack.definition().rules(), param.name(), raw)) {
                problems.add(parameterProblem(pack, param, override, problem));
              }
            } catch (IllegalArgumentException e) {
              problems.add(parameterProblem(pack, param, override, e.getMessage()));
              continue;
            }
          }
          bound.put(param.name(), new BoundParameter(param.name(), raw));
        }
        if (problems.isEmpty()) {
          pack.definition().rules().forEach(rule -> programs.add(RuleProgram.compile(rule, bound)));
        }
      }
      for (String name : parameters.keySet()) {
        if (!used.contains(name)) {
          Set<String> known = new java.util.TreeSet<>();
          packs.forEach(p -> p.parameters().forEach(param -> known.add(param.name())));
          problems.add(new Problem("parameters", 0, 0, null, "unknown parameter '" + name + "'",
              known.isEmpty() ? "the packs declare no parameters"
                  : dev.rampart.spi.source.DidYouMean.hintOrList(name, known, "expected one of")));
        }
      }
      if (!problems.isEmpty()) {
        throw new PackLoadException(problems);
      }
      return new ComplianceEngine(packs, RuleBase.build(programs), clock, maxFacts, timeLimit, shardSize);
    }

    /** The raw value of an override: text parsed by the parameter's type, a typed value checked against it. */
    private static Object typed(ParamDef param, Object override) {
      if (override instanceof String text) {
        return ParamValues.parse(param.type(), text);
      }
      Object raw = override instanceof TypedDuration d ? d.value().toString() : override;
      if (override instanceof TypedDuration && param.type() != ParameterType.DURATION
          || override instanceof List<?> && param.type() != ParameterType.LIST
          || override instanceof Number && param.type() != ParameterType.INTEGER && param.type() != ParameterType.NUMBER) {
        throw new IllegalArgumentException("the parameter is of type " + param.type().wireName() + ", not "
            + (override instanceof TypedDuration ? "duration" : override instanceof List<?> ? "list" : "integer"));
      }
      String bad = ParamValues.check(param.type(), raw);
      if (bad != null) {
        throw new IllegalArgumentException(bad);
      }
      return raw;
    }

    private static Problem parameterProblem(RulePack pack, ParamDef param, Object value, String problem) {
      String shown = value instanceof TypedDuration d ? d.value().toString() : ParamValues.render(value);
      String range = param.minimum() == null && param.maximum() == null ? ""
          : " within " + (param.minimum() == null ? "" : ParamValues.render(param.minimum())) + ".."
              + (param.maximum() == null ? "" : ParamValues.render(param.maximum()));
      return new Problem(pack.source(), param.position().line(), param.position().column(), null,
          "parameter '" + param.name() + "' = '" + shown + "': " + problem,
          "give a value of type " + param.type().wireName() + range + " that fits, e.g. the default "
              + ParamValues.render(param.defaultValue()));
    }

    /** A duration given typed, told apart from text that must be parsed. */
    private record TypedDuration(Duration value) {}
  }
}
