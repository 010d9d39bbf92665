package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What an evaluation could assess: the rules that produced no result because no fact of their target
 * type was supplied (a lone scanner supplies devices only), and for every guide requirement whether
 * its rules were assessed. Waivers and baselines do not change it.
 *
 * @param notAssessed the rules not assessed, in pack order
 * @param requirements every requirement the rules serve, in natural order (G2 before G10)
 */
@API(status = STABLE, since = "0.1")
public record AssessmentCoverage(List<NotAssessed> notAssessed, List<RequirementAssessment> requirements) {

  public AssessmentCoverage {
    notAssessed = List.copyOf(notAssessed);
    requirements = List.copyOf(requirements);
  }

  /**
   * The coverage of rules evaluated over the given number of facts of each type.
   *
   * @param complete whether every fact given was evaluated; if not, a missing type may have been given
   *     but not reached
   */
  static AssessmentCoverage of(List<Rule> rules, Map<FactType, Long> factCounts, boolean complete) {
    List<NotAssessed> notAssessed = new ArrayList<>();
    Map<String, List<Rule>> servedBy = new TreeMap<>(RequirementAssessment.ORDER);
    Map<String, List<Rule>> missedBy = new TreeMap<>(RequirementAssessment.ORDER);
    for (Rule rule : rules) {
      boolean assessed = factCounts.getOrDefault(rule.target(), 0L) > 0;
      if (!assessed) {
        notAssessed.add(complete ? NotAssessed.forMissingFacts(rule) : NotAssessed.forUnevaluatedFacts(rule));
      }
      for (String requirement : rule.requirements()) {
        servedBy.computeIfAbsent(requirement, r -> new ArrayList<>()).add(rule);
        List<Rule> missed = missedBy.computeIfAbsent(requirement, r -> new ArrayList<>());
        if (!assessed) {
          missed.add(rule);
        }
      }
    }
    List<RequirementAssessment> requirements = new ArrayList<>();
    servedBy.forEach((requirement, served) -> {
      List<Rule> missed = missedBy.get(requirement);
      RequirementAssessment.Status status = missed.isEmpty() ? RequirementAssessment.Status.ASSESSED
          : missed.size() == served.size() ? RequirementAssessment.Status.NOT_ASSESSED
          : RequirementAssessment.Status.PARTIALLY_ASSESSED;
      requirements.add(new RequirementAssessment(requirement, status, served, missed));
    });
    return new AssessmentCoverage(notAssessed, requirements);
  }

  /** Whether every rule produced results. */
  public boolean isComplete() {
    return notAssessed.isEmpty();
  }

  /** The requirements not or only partially assessed, in natural order. */
  public List<RequirementAssessment> incompleteRequirements() {
    return requirements.stream().filter(r -> r.status() != RequirementAssessment.Status.ASSESSED).toList();
  }

  /** The requirements with the given status, in natural order. */
  public List<RequirementAssessment> requirements(RequirementAssessment.Status status) {
    Objects.requireNonNull(status, "status");
    return requirements.stream().filter(r -> r.status() == status).toList();
  }

  /** The rules not assessed grouped by reason, reasons in the order of their first rule. */
  public Map<String, List<Rule>> notAssessedByReason() {
    return byReason(notAssessed);
  }

  /** The given rules grouped by reason, reasons in the order of their first rule, rules in the order given. */
  public static Map<String, List<Rule>> byReason(List<NotAssessed> rules) {
    Map<String, List<Rule>> byReason = new LinkedHashMap<>();
    for (NotAssessed rule : rules) {
      byReason.computeIfAbsent(rule.reason(), r -> new ArrayList<>()).add(rule.rule());
    }
    byReason.replaceAll((reason, ruleList) -> List.copyOf(ruleList));
    return Collections.unmodifiableMap(byReason);
  }
}
