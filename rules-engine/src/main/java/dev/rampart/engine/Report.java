package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.runtime.Result;
import dev.rampart.engine.internal.runtime.ResultTable;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.RuleId;
import dev.rampart.engine.value.Severity;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The immutable result of evaluating rule packs over a set of facts.
 *
 * <p>Results are ordered by rule (in pack order) and then by fact id, so two evaluations of the same
 * input produce identical reports.
 */
@API(status = STABLE, since = "0.1")
public final class Report {

  // Facts given without provenance are the inventory's: waivers trusting only the inventory (the default) match them.
  private static final Origin WITHOUT_PROVENANCE = Origin.of("inventory", "facts given without provenance");
  private static final Provenance FROM_INVENTORY = (type, factId, fieldPath) -> WITHOUT_PROVENANCE;

  private final List<PackInfo> packs;
  private final Instant evaluatedAt;
  private final ResultTable table;
  private final List<Rule> rules;
  private final Map<Outcome, Long> counts;
  private final Map<Severity, Map<Outcome, Long>> bySeverity;
  private final Map<Category, Map<Outcome, Long>> byCategory;
  private final Map<FactType, Long> factCounts;
  private final Map<ResultKey, AppliedWaiver> waived;
  private final List<Waiver> expiredWaivers;
  private final List<UntrustedMatch> untrustedMatches;
  private final Map<ResultKey, List<UntrustedMatch>> untrustedByResult;
  private final Map<Outcome, Long> waivedCounts;
  private final @Nullable String incompleteReason;
  private final AssessmentCoverage coverage;
  private final EvaluationStatistics statistics;
  private volatile @Nullable List<RequirementStatus> requirementStatuses;

  /** A report of the results in {@code table}, whose rule indexes are indexes into {@code rules}. */
  Report(List<PackInfo> packs, Instant evaluatedAt, ResultTable table, List<Rule> rules) {
    this(packs, evaluatedAt, table, rules, Map.of());
  }

  /**
   * A report of the results in {@code table}, whose rule indexes are indexes into {@code rules},
   * with the time each phase before it took; building it is timed too.
   */
  Report(List<PackInfo> packs, Instant evaluatedAt, ResultTable table, List<Rule> rules,
      Map<EvaluationStatistics.Phase, Duration> phases) {
    this(packs, evaluatedAt, table, rules, Map.of(), List.of(), List.of(), null, phases);
  }

  private Report(
      List<PackInfo> packs,
      Instant evaluatedAt,
      ResultTable table,
      List<Rule> rules,
      Map<ResultKey, AppliedWaiver> waived,
      List<Waiver> expiredWaivers,
      List<UntrustedMatch> untrustedMatches,
      @Nullable String incompleteReason,
      Map<EvaluationStatistics.Phase, Duration> phases) {
    long started = System.nanoTime();
    this.incompleteReason = incompleteReason;
    this.waived = Collections.unmodifiableMap(new HashMap<>(waived));
    this.expiredWaivers = List.copyOf(expiredWaivers);
    this.untrustedMatches = List.copyOf(untrustedMatches);
    Map<ResultKey, List<UntrustedMatch>> byResult = new HashMap<>();
    untrustedMatches.forEach(
        match -> byResult.computeIfAbsent(ResultKey.of(match.result()), key -> new ArrayList<>()).add(match));
    byResult.replaceAll((key, matches) -> List.copyOf(matches));
    this.untrustedByResult = byResult;
    Map<Outcome, Long> waivedTotal = zeroCounts();
    waived.values().forEach(applied -> waivedTotal.merge(applied.result().outcome(), 1L, Long::sum));
    this.waivedCounts = Collections.unmodifiableMap(waivedTotal);
    this.packs = List.copyOf(packs);
    this.evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    this.table = Objects.requireNonNull(table, "table");
    this.rules = List.copyOf(rules);
    Map<FactType, Long> facts = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      facts.put(type, table.factCount(type));
    }
    this.factCounts = Collections.unmodifiableMap(facts);
    this.coverage = AssessmentCoverage.of(this.rules, factCounts, incompleteReason == null);
    Map<Outcome, Long> total = zeroCounts();
    Map<Severity, Map<Outcome, Long>> severities = new EnumMap<>(Severity.class);
    Map<Category, Map<Outcome, Long>> categories = new TreeMap<>();
    table.count(total, severities, categories, Report::zeroCounts);
    this.counts = Collections.unmodifiableMap(total);
    this.bySeverity = freeze(severities);
    this.byCategory = freeze(categories);
    Map<EvaluationStatistics.Phase, Duration> durations = new EnumMap<>(EvaluationStatistics.Phase.class);
    durations.putAll(phases);
    // a copy (with waivers, say) keeps the time the first report took to build
    durations.putIfAbsent(EvaluationStatistics.Phase.BUILD_REPORT, Duration.ofNanos(System.nanoTime() - started));
    this.statistics = new EvaluationStatistics(factCounts, this.rules.size(), counts, durations);
  }

  /**
   * Whether every fact given was evaluated. An evaluation bounded by a fact or time limit that
   * stopped early is incomplete: its results cover only the facts evaluated, and cross-fact rules
   * (references, uniqueness) saw only those facts. Never treat an incomplete report as a pass.
   */
  public boolean isComplete() {
    return incompleteReason == null;
  }

  /** Why the evaluation stopped early, e.g. {@code stopped at the time limit of PT10S: 1200 of 5000 facts evaluated}. */
  public Optional<String> incompleteReason() {
    return Optional.ofNullable(incompleteReason);
  }

  Report incomplete(String reason) {
    return new Report(packs, evaluatedAt, table, rules, waived, expiredWaivers, untrustedMatches,
        Objects.requireNonNull(reason, "reason"), statistics.durations());
  }

  /** The packs evaluated, with their versions. */
  public List<PackInfo> packs() {
    return packs;
  }

  /** The evaluation clock's time: the "now" that durations were measured against. */
  public Instant evaluatedAt() {
    return evaluatedAt;
  }

  /**
   * Every result: one per rule and fact of the rule's target type. The list is made on demand:
   * passing and not-applicable results are created as they are read, so iterate it rather than
   * keep it when the fleet is large.
   */
  public List<RuleResult> results() {
    return new Mapped(table.all());
  }

  /** The number of results: one per rule and fact of the rule's target type. */
  public long resultCount() {
    return table.size();
  }

  /** Results that need attention: FAIL, UNKNOWN and ERROR, in report order. */
  public List<RuleResult> findings() {
    return mapped(table.findings());
  }

  /** Results of one rule, by its id. */
  public List<RuleResult> resultsForRule(String ruleId) {
    return mapped(table.forRule(ruleId));
  }

  /** Results for one fact. */
  public List<RuleResult> resultsForFact(FactType type, String factId) {
    return mapped(table.forFact(type, factId));
  }

  /** Number of results per outcome; every outcome is present, zero when none. */
  public Map<Outcome, Long> counts() {
    return counts;
  }

  /** Number of results with the given outcome. */
  public long count(Outcome outcome) {
    return counts.get(outcome);
  }

  /** Number of results per outcome for each rule severity that has results. */
  public Map<Severity, Map<Outcome, Long>> countsBySeverity() {
    return bySeverity;
  }

  /**
   * Number of results per outcome for each rule category that has results: the guide's in its order,
   * then the categories packs declare, by id.
   */
  public Map<Category, Map<Outcome, Long>> countsByCategory() {
    return byCategory;
  }

  /**
   * What this evaluation could assess: the rules that produced no result because no fact of their
   * target type was supplied, and how far each guide requirement was assessed. Waivers do not change it.
   */
  public AssessmentCoverage coverage() {
    return coverage;
  }

  /**
   * Whether the results show each requirement met, after waivers: every requirement that the rules
   * serve, or that rules disabled by a tailored pack served, in natural order (G2 before G10), with its
   * status by the precedence {@link RequirementStatus.Status} defines and its rules behind it.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public List<RequirementStatus> requirementStatuses() {
    List<RequirementStatus> statuses = requirementStatuses;
    if (statuses == null) {
      statuses = rollUpRequirements();
      requirementStatuses = statuses;
    }
    return statuses;
  }

  /** The rules that produced no result because no fact of their target type was supplied, in pack order. */
  public List<NotAssessed> notAssessed() {
    return coverage.notAssessed();
  }

  /**
   * What the evaluation covered and took: facts, rules, results by outcome (before waivers), and
   * the time of each phase.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public EvaluationStatistics statistics() {
    return statistics;
  }

  /** How many facts of each type were evaluated. */
  public Map<FactType, Long> factCounts() {
    return factCounts;
  }

  /**
   * This report with waivers applied to facts given without provenance: every value is taken as
   * the inventory's, so a {@code where} matches as it always did for a waiver that trusts {@code
   * inventory} (the default), and never for one that does not. Otherwise as {@link
   * #withWaivers(List, Collection, Provenance)}.
   *
   * @param facts the evaluated facts, for waivers that compare a field of the fact
   */
  public Report withWaivers(List<Waiver> waivers, Collection<? extends Fact> facts) {
    return withWaivers(waivers, facts, FROM_INVENTORY);
  }

  /**
   * This report with waivers applied, replacing any applied before: each FAIL or UNKNOWN result
   * covered by a waiver valid at {@link #evaluatedAt()} (through its expiry day) is marked waived by
   * the first such waiver in the list. Results, their order and the counts stay as they are.
   *
   * <p>A waiver with a {@code where} covers a result only when the value it matched came from a
   * source it trusts ({@link Waiver#trustedSources()}), as {@code provenance} tells; a value of
   * unknown origin is trusted by none. A waiver turned away so, from a result no other waiver
   * accepted, is listed by {@link #untrustedMatches()} with the reason.
   *
   * <p>A waiver that covers a FAIL or UNKNOWN result but has expired accepts nothing and is listed
   * by {@link #expiredWaivers()}, so that it is renewed or removed.
   *
   * @param facts the evaluated facts, for waivers that compare a field of the fact
   * @param provenance where each value of the facts came from, e.g. the one given to {@link
   *     ComplianceEngine#evaluate(Collection, Provenance)}
   */
  public Report withWaivers(List<Waiver> waivers, Collection<? extends Fact> facts, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    List<Waiver> candidates = List.copyOf(waivers);
    Map<FactType, Map<String, Fact>> byId = new EnumMap<>(FactType.class);
    for (Fact fact : facts) {
      byId.computeIfAbsent(fact.type(), type -> new HashMap<>()).putIfAbsent(fact.id(), fact);
    }
    Map<ResultKey, AppliedWaiver> applied = new LinkedHashMap<>();
    List<UntrustedMatch> untrusted = new ArrayList<>();
    boolean[] expired = new boolean[candidates.size()];
    for (Result finding : table.findings()) {
      if (finding.outcome() != Outcome.FAIL && finding.outcome() != Outcome.UNKNOWN) {
        continue;
      }
      RuleResult result = Boundary.result(finding, rules);
      Fact fact = byId.getOrDefault(result.factType(), Map.of()).get(result.factId());
      List<UntrustedMatch> turnedAway = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        Waiver waiver = candidates.get(i);
        if (!waiver.covers(result, fact)) {
          continue;
        }
        Waiver.FieldMatch where = waiver.where();
        if (where != null) {
          Origin origin = provenance.originOf(result.factType(), result.factId(), where.path());
          if (origin == null || !waiver.trusts(origin.sourceId())) {
            turnedAway.add(new UntrustedMatch(waiver, result, origin));
            continue;
          }
        }
        if (!waiver.isValidAt(evaluatedAt)) {
          expired[i] = true;
        } else {
          applied.putIfAbsent(ResultKey.of(result), new AppliedWaiver(waiver, result));
        }
      }
      if (!applied.containsKey(ResultKey.of(result))) {
        untrusted.addAll(turnedAway);
      }
    }
    List<Waiver> expiredWaivers = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (expired[i]) {
        expiredWaivers.add(candidates.get(i));
      }
    }
    return new Report(packs, evaluatedAt, table, rules, applied, expiredWaivers, untrusted, incompleteReason,
        statistics.durations());
  }

  /** The waiver that accepted a result of this report, if one did. */
  public Optional<AppliedWaiver> waiverOf(RuleResult result) {
    return Optional.ofNullable(waived.get(ResultKey.of(result)));
  }

  /** Waivers that cover a FAIL or UNKNOWN result but have expired, in the order given; they accepted nothing. */
  public List<Waiver> expiredWaivers() {
    return expiredWaivers;
  }

  /**
   * Waivers that selected a FAIL or UNKNOWN result by a value from a source they do not trust, so
   * accepted nothing; in report order, for the results no other waiver accepted.
   */
  public List<UntrustedMatch> untrustedMatches() {
    return untrustedMatches;
  }

  /** The waivers turned away from a result of this report because they do not trust a value's source. */
  public List<UntrustedMatch> untrustedMatchesOf(RuleResult result) {
    return untrustedByResult.getOrDefault(ResultKey.of(result), List.of());
  }

  /** Number of waived results per outcome; every outcome is present, zero when none. */
  public Map<Outcome, Long> waivedCounts() {
    return waivedCounts;
  }

  /** Number of waived results. */
  public long waivedCount() {
    return waived.size();
  }

  // Per rule from the outcome counts, less the results waivers accepted; then per requirement.
  private List<RequirementStatus> rollUpRequirements() {
    Map<RuleId, long[]> waivedByRule = new HashMap<>();
    waived.values().forEach(applied -> waivedByRule.computeIfAbsent(applied.result().rule().ruleId(),
        id -> new long[Outcome.values().length])[applied.result().outcome().ordinal()]++);
    List<RequirementStatus.RuleStatus> ruleStatuses = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      long[] counts = table.outcomeCounts(r);
      long[] waivedCounts = waivedByRule.getOrDefault(rule.ruleId(), new long[Outcome.values().length]);
      Map<Outcome, Long> unwaived = new EnumMap<>(Outcome.class);
      long waivedTotal = 0;
      for (Outcome outcome : Outcome.values()) {
        unwaived.put(outcome, counts[outcome.ordinal()] - waivedCounts[outcome.ordinal()]);
        waivedTotal += waivedCounts[outcome.ordinal()];
      }
      ruleStatuses.add(RequirementStatus.RuleStatus.of(rule, unwaived, waivedTotal, isComplete()));
    }
    List<DisabledRule> disabled = packs.stream().flatMap(pack -> pack.disabledRules().stream()).toList();
    return RequirementStatus.of(ruleStatuses, disabled);
  }

  private List<RuleResult> mapped(List<Result> results) {
    return results.stream().map(result -> Boundary.result(result, rules)).toList();
  }

  private static Map<Outcome, Long> zeroCounts() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0L);
    }
    return counts;
  }

  private static <K extends Comparable<K>> Map<K, Map<Outcome, Long>> freeze(Map<K, Map<Outcome, Long>> counts) {
    counts.replaceAll((key, value) -> Collections.unmodifiableMap(value));
    return Collections.unmodifiableMap(counts);
  }

  /** What identifies a result within a report. */
  private record ResultKey(RuleId rule, FactType factType, String factId) {

    static ResultKey of(RuleResult result) {
      return new ResultKey(result.rule().ruleId(), result.factType(), result.factId());
    }
  }

  /** The results in report order, each mapped when read. */
  private final class Mapped extends AbstractList<RuleResult> implements RandomAccess {

    private final List<Result> results;

    Mapped(List<Result> results) {
      this.results = results;
    }

    @Override
    public RuleResult get(int index) {
      return Boundary.result(results.get(index), rules);
    }

    @Override
    public int size() {
      return results.size();
    }
  }

  /**
   * A pack that took part in an evaluation.
   *
   * @param id the pack's id
   * @param version the pack's version
   * @param title the pack's title
   * @param base the pack it extends, as {@code id@version}, or {@code null}
   * @param disabledRules rules of its bases it switched off, with the reasons reports show
   * @param source where it was read from, as {@link RulePack#origin()} names it: {@code built-in}, or its file
   */
  public record PackInfo(String id, String version, String title, @Nullable String base,
      List<DisabledRule> disabledRules, String source) {

    public PackInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(title, "title");
      disabledRules = List.copyOf(disabledRules);
      Objects.requireNonNull(source, "source");
    }

    /** A pack that extends no other and disables nothing. */
    public PackInfo(String id, String version, String title, String source) {
      this(id, version, title, null, List.of(), source);
    }
  }

}
