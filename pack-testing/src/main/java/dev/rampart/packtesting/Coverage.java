package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Which outcomes the fixtures show each rule giving, and which requirements the well-tested rules
 * serve. A rule is covered when a passing case shows it PASS and one shows it FAIL; a requirement is
 * covered when a covered rule serves it. UNKNOWN is reported for every rule that can give it, but not
 * required.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Coverage {

  private final List<RuleCoverage> rules;
  private final Map<String, RequirementCoverage> requirements;

  private Coverage(List<RuleCoverage> rules, Map<String, RequirementCoverage> requirements) {
    this.rules = List.copyOf(rules);
    this.requirements = Collections.unmodifiableMap(requirements);
  }

  static Coverage of(RulePack pack, List<TestCase> cases, Set<String> unknownPossible) {
    Map<String, Set<Outcome>> seen = new LinkedHashMap<>();
    pack.rules().forEach(rule -> seen.put(rule.id(), EnumSet.noneOf(Outcome.class)));
    for (TestCase testCase : cases) {
      if (testCase.passed()) {
        seen.get(testCase.expectation().ruleId()).add(testCase.actual().outcome());
      }
    }
    List<RuleCoverage> rules = new ArrayList<>();
    Map<String, List<String>> servedBy = new TreeMap<>(RequirementAssessment.ORDER);
    Map<String, List<String>> coveredBy = new TreeMap<>(RequirementAssessment.ORDER);
    for (Rule rule : pack.rules()) {
      RuleCoverage coverage = new RuleCoverage(rule, seen.get(rule.id()), unknownPossible.contains(rule.id()));
      rules.add(coverage);
      for (String requirement : rule.requirements()) {
        servedBy.computeIfAbsent(requirement, r -> new ArrayList<>()).add(rule.id());
        List<String> covering = coveredBy.computeIfAbsent(requirement, r -> new ArrayList<>());
        if (coverage.covered()) {
          covering.add(rule.id());
        }
      }
    }
    Map<String, RequirementCoverage> requirements = new LinkedHashMap<>();
    servedBy.forEach((id, served) -> requirements.put(id, new RequirementCoverage(id, served, coveredBy.get(id))));
    return new Coverage(rules, requirements);
  }

  /** Every rule of the pack, in pack order. */
  public List<RuleCoverage> rules() {
    return rules;
  }

  /** Every requirement the pack's rules name, in natural order (G2 before G10). */
  public List<RequirementCoverage> requirements() {
    return List.copyOf(requirements.values());
  }

  /** Whether every rule was seen both PASS and FAIL. */
  public boolean complete() {
    return rules.stream().allMatch(RuleCoverage::covered);
  }

  /**
   * The outcomes one rule was seen giving in passing cases.
   *
   * @param rule the rule
   * @param seen the outcomes of its passing cases
   * @param unknownPossible whether the rule's conditions let it be UNKNOWN at all
   */
  public record RuleCoverage(Rule rule, Set<Outcome> seen, boolean unknownPossible) {

    public RuleCoverage {
      seen = Collections.unmodifiableSet(seen.isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(seen));
    }

    /** Seen both PASS and FAIL. */
    public boolean covered() {
      return seen.contains(Outcome.PASS) && seen.contains(Outcome.FAIL);
    }

    /** The required outcomes not seen: PASS and FAIL. */
    public List<Outcome> missing() {
      List<Outcome> missing = new ArrayList<>();
      for (Outcome outcome : List.of(Outcome.PASS, Outcome.FAIL)) {
        if (!seen.contains(outcome)) {
          missing.add(outcome);
        }
      }
      return missing;
    }

    /** The rule can be UNKNOWN but no passing case shows it. */
    public boolean unknownMissing() {
      return unknownPossible && !seen.contains(Outcome.UNKNOWN);
    }
  }

  /**
   * One requirement and the rules that serve it.
   *
   * @param id the requirement, e.g. {@code G11}
   * @param servedBy every rule that names it
   * @param coveredBy the covered rules among them
   */
  public record RequirementCoverage(String id, List<String> servedBy, List<String> coveredBy) {

    public RequirementCoverage {
      servedBy = List.copyOf(servedBy);
      coveredBy = List.copyOf(coveredBy);
    }

    public boolean covered() {
      return !coveredBy.isEmpty();
    }
  }
}
