package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Whether an evaluation shows one requirement met: the roll-up of the results of every rule that serves
 * it, after waivers. {@link Status} defines the precedence, once for every report.
 *
 * @param requirement the requirement's id as rules cite it, e.g. {@code G11}
 * @param status the worst status of its rules, by the precedence of {@link Status}
 * @param rules every evaluated rule that serves it, in pack order, each with its own status
 * @param disabledRules the rules serving it that a tailored pack disabled; they do not count
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequirementStatus(String requirement, Status status, List<RuleStatus> rules,
    List<DisabledRule> disabledRules) {

  public RequirementStatus {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(status, "status");
    rules = List.copyOf(rules);
    disabledRules = List.copyOf(disabledRules);
  }

  /**
   * The status of a requirement or of one rule, worst first: the first that holds is the status.
   *
   * <ol>
   *   <li>{@link #NOT_SATISFIED}: a FAIL that no waiver accepted;
   *   <li>{@link #UNKNOWN}: an UNKNOWN or ERROR that no waiver accepted, a rule of the requirement not
   *       assessed while others were, or an incomplete evaluation (its unevaluated facts may fail);
   *   <li>{@link #WAIVED}: FAIL or UNKNOWN results, every one accepted by a waiver;
   *   <li>{@link #SATISFIED}: every result PASS or NOT_APPLICABLE;
   *   <li>{@link #NOT_ASSESSED}: no result at all: no fact of its rules' target types was supplied, or
   *       every rule serving it was disabled.
   * </ol>
   */
  public enum Status {
    /** A FAIL that no waiver accepted. */
    NOT_SATISFIED,
    /** No unwaived FAIL, but evidence missing (UNKNOWN), an ERROR, a rule not assessed, or an incomplete run. */
    UNKNOWN,
    /** Every FAIL and UNKNOWN was accepted by a waiver. */
    WAIVED,
    /** Every result PASS or NOT_APPLICABLE. */
    SATISFIED,
    /** No result at all. */
    NOT_ASSESSED;

    /** How reports write it: {@code not-satisfied}, {@code unknown}, ... */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How reports say it in a sentence: {@code not satisfied}, {@code unknown}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One rule's share of a requirement.
   *
   * @param rule the rule
   * @param status its status by the precedence of {@link Status}, over its own results
   * @param counts its results per outcome that no waiver accepted; every outcome is present, zero when none
   * @param waived its results a waiver accepted (FAIL or UNKNOWN)
   */
  public record RuleStatus(Rule rule, Status status, Map<Outcome, Long> counts, long waived) {

    public RuleStatus {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(status, "status");
      Map<Outcome, Long> all = new EnumMap<>(Outcome.class);
      for (Outcome outcome : Outcome.values()) {
        all.put(outcome, counts.getOrDefault(outcome, 0L));
      }
      counts = Collections.unmodifiableMap(all);
    }

    /**
     * The status of a rule with these results.
     *
     * @param counts its results per outcome that no waiver accepted
     * @param waived its results a waiver accepted
     * @param complete whether the evaluation reached every fact
     */
    static RuleStatus of(Rule rule, Map<Outcome, Long> counts, long waived, boolean complete) {
      long results = counts.values().stream().mapToLong(Long::longValue).sum() + waived;
      Status status;
      if (results == 0) {
        status = Status.NOT_ASSESSED;
      } else if (counts.getOrDefault(Outcome.FAIL, 0L) > 0) {
        status = Status.NOT_SATISFIED;
      } else if (counts.getOrDefault(Outcome.UNKNOWN, 0L) + counts.getOrDefault(Outcome.ERROR, 0L) > 0 || !complete) {
        status = Status.UNKNOWN;
      } else {
        status = waived > 0 ? Status.WAIVED : Status.SATISFIED;
      }
      return new RuleStatus(rule, status, counts, waived);
    }
  }

  /** The number of requirements of each status, in the order of {@link Status}; zero when none. */
  public static Map<Status, Long> countByStatus(List<RequirementStatus> requirements) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0L);
    }
    requirements.forEach(requirement -> counts.merge(requirement.status(), 1L, Long::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** The results per outcome of all its rules that no waiver accepted; every outcome is present. */
  public Map<Outcome, Long> counts() {
    Map<Outcome, Long> total = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      total.put(outcome, rules.stream().mapToLong(rule -> rule.counts().get(outcome)).sum());
    }
    return Collections.unmodifiableMap(total);
  }

  /** The results of all its rules that a waiver accepted. */
  public long waived() {
    return rules.stream().mapToLong(RuleStatus::waived).sum();
  }

  /**
   * Every requirement the rules serve or the disabled rules served, in natural order (G2 before G10).
   *
   * @param rules every evaluated rule, in pack order
   * @param disabled the rules tailored packs disabled
   */
  static List<RequirementStatus> of(List<RuleStatus> rules, List<DisabledRule> disabled) {
    Map<String, List<RuleStatus>> servedBy = new TreeMap<>(RequirementAssessment.ORDER);
    Map<String, List<DisabledRule>> disabledBy = new TreeMap<>(RequirementAssessment.ORDER);
    for (RuleStatus rule : rules) {
      for (String requirement : rule.rule().requirements()) {
        servedBy.computeIfAbsent(requirement, r -> new ArrayList<>()).add(rule);
      }
    }
    for (DisabledRule rule : disabled) {
      for (String requirement : rule.requirements()) {
        servedBy.computeIfAbsent(requirement, r -> new ArrayList<>());
        disabledBy.computeIfAbsent(requirement, r -> new ArrayList<>()).add(rule);
      }
    }
    List<RequirementStatus> requirements = new ArrayList<>();
    servedBy.forEach((requirement, served) -> requirements.add(new RequirementStatus(
        requirement, rollUp(served), served, disabledBy.getOrDefault(requirement, List.of()))));
    return List.copyOf(requirements);
  }

  // The worst status of the rules; a rule not assessed beside assessed ones leaves the requirement unknown.
  private static Status rollUp(List<RuleStatus> rules) {
    boolean anyAssessed = rules.stream().anyMatch(rule -> rule.status() != Status.NOT_ASSESSED);
    if (!anyAssessed) {
      return Status.NOT_ASSESSED;
    }
    Status worst = Status.SATISFIED;
    for (RuleStatus rule : rules) {
      Status status = rule.status() == Status.NOT_ASSESSED ? Status.UNKNOWN : rule.status();
      if (status.compareTo(worst) < 0) {
        worst = status;
      }
    }
    return worst;
  }
}
