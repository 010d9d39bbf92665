package dev.rampart.oscal;

import dev.rampart.engine.AppliedWaiver;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.RuleId;
import dev.rampart.sources.FactKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one pass over a report's results tells the assessment results: each rule's results per
 * outcome that no waiver accepted and those a waiver did, the facts the results are about, and each
 * waiver with the results it accepted.
 */
final class OutcomeTally {

  /** Facts by type (in the model's order), then id, as every report lists them. */
  static final Comparator<FactKey> FACT_ORDER = Comparator.comparing(FactKey::type).thenComparing(FactKey::id);

  private final Map<RuleId, Map<Outcome, Long>> unwaived = new HashMap<>();
  private final Map<RuleId, Long> waived = new HashMap<>();
  private final SortedSet<FactKey> facts = new TreeSet<>(FACT_ORDER);
  private final Map<Waiver, List<RuleResult>> accepted = new LinkedHashMap<>();

  private OutcomeTally() {}

  static OutcomeTally of(Report report) {
    OutcomeTally tally = new OutcomeTally();
    for (RuleResult result : report.results()) {
      tally.facts.add(new FactKey(result.factType(), result.factId()));
      Optional<AppliedWaiver> waiver = result.isFinding() ? report.waiverOf(result) : Optional.empty();
      if (waiver.isPresent()) {
        tally.waived.merge(result.rule().ruleId(), 1L, Long::sum);
        tally.accepted.computeIfAbsent(waiver.get().waiver(), w -> new ArrayList<>()).add(result);
      } else {
        tally.unwaived.computeIfAbsent(result.rule().ruleId(), r -> new EnumMap<>(Outcome.class))
            .merge(result.outcome(), 1L, Long::sum);
      }
    }
    return tally;
  }

  /** The results of {@code rule} with {@code outcome} that no waiver accepted. */
  long unwaived(RuleId rule, Outcome outcome) {
    return unwaived.getOrDefault(rule, Map.of()).getOrDefault(outcome, 0L);
  }

  /** The results of {@code rule} that a waiver accepted. */
  long waived(RuleId rule) {
    return waived.getOrDefault(rule, 0L);
  }

  /** Whether {@code rule} produced any result at all. */
  boolean assessed(RuleId rule) {
    return unwaived.containsKey(rule) || waived.containsKey(rule);
  }

  /** Every fact a result is about, by type and then id. */
  SortedSet<FactKey> facts() {
    return Collections.unmodifiableSortedSet(facts);
  }

  /** Each waiver that accepted a result, in the order of the first result it accepted, with those results. */
  Map<Waiver, List<RuleResult>> accepted() {
    return Collections.unmodifiableMap(accepted);
  }
}
