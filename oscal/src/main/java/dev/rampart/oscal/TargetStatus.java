package dev.rampart.oscal;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status of a finding's target (a requirement or a framework control) as OSCAL states it: {@code
 * satisfied} or {@code not-satisfied}, and a reason that keeps apart what OSCAL's two states cannot.
 * Missing data is never a pass: only results that are all PASS or NOT_APPLICABLE satisfy a target.
 * The first reason that holds is the reason (docs/oscal.md has the table):
 *
 * <ol>
 *   <li>{@link Reason#FAIL}: a FAIL that no waiver accepted;
 *   <li>{@link Reason#ERROR}: a rule could not be evaluated for a fact;
 *   <li>{@link Reason#EVIDENCE_MISSING}: an UNKNOWN that no waiver accepted;
 *   <li>{@link Reason#NOT_ASSESSED}: a rule produced no result (no fact of its target type), or the
 *       evaluation stopped before every fact;
 *   <li>{@link Reason#WAIVED}: every FAIL and UNKNOWN was accepted by a waiver (a risk of status {@code
 *       deviation-approved});
 *   <li>{@link Reason#PASS}: satisfied, with at least one PASS;
 *   <li>{@link Reason#NOT_APPLICABLE}: satisfied, every result NOT_APPLICABLE.
 * </ol>
 *
 * @param reason why
 * @param counts the results of the target's rules per outcome that no waiver accepted; every outcome present
 * @param waived the results of its rules that a waiver accepted
 * @param notAssessed its rules that produced no result, in the order given
 */
record TargetStatus(Reason reason, Map<Outcome, Long> counts, long waived, List<Rule> notAssessed) {

  TargetStatus {
    counts = Map.copyOf(counts);
    notAssessed = List.copyOf(notAssessed);
  }

  /** Why a target has its state; OSCAL's own {@code pass} and {@code fail}, and Rampart's tokens for the rest. */
  enum Reason {
    FAIL(false),
    ERROR(false),
    EVIDENCE_MISSING(false),
    NOT_ASSESSED(false),
    WAIVED(false),
    PASS(true),
    NOT_APPLICABLE(true);

    private final boolean satisfied;

    Reason(boolean satisfied) {
      this.satisfied = satisfied;
    }

    /** The status reason as the document writes it, e.g. {@code evidence-missing}. */
    String token() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The status of a target served by {@code rules}.
   *
   * @param complete whether the evaluation reached every fact
   */
  static TargetStatus of(List<Rule> rules, OutcomeTally tally, boolean complete) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, rules.stream().mapToLong(rule -> tally.unwaived(rule.ruleId(), outcome)).sum());
    }
    long waived = rules.stream().mapToLong(rule -> tally.waived(rule.ruleId())).sum();
    List<Rule> notAssessed = new ArrayList<>();
    rules.stream().filter(rule -> !tally.assessed(rule.ruleId())).forEach(notAssessed::add);
    Reason reason;
    if (counts.get(Outcome.FAIL) > 0) {
      reason = Reason.FAIL;
    } else if (counts.get(Outcome.ERROR) > 0) {
      reason = Reason.ERROR;
    } else if (counts.get(Outcome.UNKNOWN) > 0) {
      reason = Reason.EVIDENCE_MISSING;
    } else if (!notAssessed.isEmpty() || !complete || counts.values().stream().allMatch(n -> n == 0) && waived == 0) {
      reason = Reason.NOT_ASSESSED;
    } else if (waived > 0) {
      reason = Reason.WAIVED;
    } else {
      reason = counts.get(Outcome.PASS) > 0 ? Reason.PASS : Reason.NOT_APPLICABLE;
    }
    return new TargetStatus(reason, counts, waived, notAssessed);
  }

  /** {@code satisfied} or {@code not-satisfied}. */
  String state() {
    return reason.satisfied ? "satisfied" : "not-satisfied";
  }
}
