package dev.rampart.engine;

import dev.rampart.spi.fact.FactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable result of evaluating rule packs over a set of facts.
 *
 * <p>Results are ordered by rule (in pack order) and then by fact id, so two evaluations of the same
 * input produce identical reports.
 */
public final class Report {

  private final List<PackInfo> packs;
  private final Instant evaluatedAt;
  private final List<RuleResult> results;
  private final Map<Outcome, Long> counts;
  private final Map<Severity, Map<Outcome, Long>> bySeverity;
  private final Map<Category, Map<Outcome, Long>> byCategory;
  private final Map<FactType, Long> factCounts;

  Report(List<PackInfo> packs, Instant evaluatedAt, List<RuleResult> results, Map<FactType, Long> factCounts) {
    this.packs = List.copyOf(packs);
    this.evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    this.results = List.copyOf(results);
    this.factCounts = Collections.unmodifiableMap(new EnumMap<>(factCounts));
    Map<Outcome, Long> total = zeroCounts();
    Map<Severity, Map<Outcome, Long>> severities = new EnumMap<>(Severity.class);
    Map<Category, Map<Outcome, Long>> categories = new EnumMap<>(Category.class);
    for (RuleResult result : this.results) {
      total.merge(result.outcome(), 1L, Long::sum);
      severities.computeIfAbsent(result.rule().severity(), s -> zeroCounts()).merge(result.outcome(), 1L, Long::sum);
      categories.computeIfAbsent(result.rule().category(), c -> zeroCounts()).merge(result.outcome(), 1L, Long::sum);
    }
    this.counts = Collections.unmodifiableMap(total);
    this.bySeverity = freeze(severities);
    this.byCategory = freeze(categories);
  }

  /** The packs evaluated, with their versions. */
  public List<PackInfo> packs() {
    return packs;
  }

  /** The evaluation clock's time: the "now" that durations were measured against. */
  public Instant evaluatedAt() {
    return evaluatedAt;
  }

  /** Every result: one per rule and fact of the rule's target type. */
  public List<RuleResult> results() {
    return results;
  }

  /** Results that need attention: FAIL, UNKNOWN and ERROR. */
  public List<RuleResult> findings() {
    List<RuleResult> findings = new ArrayList<>();
    for (RuleResult result : results) {
      if (result.isFinding()) {
        findings.add(result);
      }
    }
    return List.copyOf(findings);
  }

  /** Results of one rule, by its id. */
  public List<RuleResult> resultsForRule(String ruleId) {
    return results.stream().filter(r -> r.rule().id().equals(ruleId)).toList();
  }

  /** Results for one fact. */
  public List<RuleResult> resultsForFact(FactType type, String factId) {
    return results.stream().filter(r -> r.factType() == type && r.factId().equals(factId)).toList();
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

  /** Number of results per outcome for each rule category that has results. */
  public Map<Category, Map<Outcome, Long>> countsByCategory() {
    return byCategory;
  }

  /** How many facts of each type were evaluated. */
  public Map<FactType, Long> factCounts() {
    return factCounts;
  }

  private static Map<Outcome, Long> zeroCounts() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0L);
    }
    return counts;
  }

  private static <K extends Enum<K>> Map<K, Map<Outcome, Long>> freeze(Map<K, Map<Outcome, Long>> counts) {
    counts.replaceAll((key, value) -> Collections.unmodifiableMap(value));
    return Collections.unmodifiableMap(counts);
  }

  /**
   * A pack that took part in an evaluation.
   *
   * @param id the pack's id
   * @param version the pack's version
   * @param title the pack's title
   */
  public record PackInfo(String id, String version, String title) {

    public PackInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(title, "title");
    }
  }
}
