package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.internal.runtime.CompiledProgram;
import dev.rampart.engine.internal.runtime.FleetPart;
import dev.rampart.engine.internal.runtime.ResultTable;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * An engine's rules as an evaluation spread over many machines splits them, so that the union of
 * the parts' results is exactly what {@link ComplianceEngine#evaluate(Collection)} gives for all the
 * facts: the {@linkplain #factRules() fact rules}, which each fact decides with the facts it refers
 * to (a device's vendor and networks), over any split of the facts; and the
 * {@linkplain #fleetGroups() fleet groups}, rules comparing facts of one type with each other
 * ({@code unique}), over a split that keeps facts with equal {@linkplain FleetGroup#splitKey split
 * keys} together. Durations are measured against the engine's clock.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EvaluationParts {

  private final CompiledProgram program;
  private final List<Rule> rules;
  private final Clock clock;
  private final List<Integer> factRuleIndexes;
  private final List<FleetGroup> fleetGroups;

  EvaluationParts(CompiledProgram program, List<Rule> rules, Clock clock) {
    this.program = program;
    this.rules = rules;
    this.clock = clock;
    this.factRuleIndexes = IntStream.range(0, rules.size()).filter(r -> !program.needsFleet(r)).boxed().toList();
    this.fleetGroups = program.fleetParts().stream().map(FleetGroup::new).toList();
  }

  /** The rules each fact decides alone with the facts it refers to, in pack order. */
  public List<Rule> factRules() {
    return factRuleIndexes.stream().map(rules::get).toList();
  }

  /** The groups of rules that compare facts of one type with each other. */
  public List<FleetGroup> fleetGroups() {
    return fleetGroups;
  }

  /**
   * Every result (passes too) of the fact rules for the subjects.
   *
   * @param subjects the facts to evaluate, of any types, each id once per type
   * @param context the facts the subjects refer to that are not subjects themselves; a reference to a
   *     fact in neither is missing, as in a whole evaluation
   */
  public List<RuleResult> evaluateFactRules(Collection<? extends Fact> subjects, Collection<? extends Fact> context) {
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(context, "context");
    return results(program.evaluateLocal(subjects, context, clock.instant()), factRuleIndexes);
  }

  /**
   * Every result (passes too) of one fleet group's rules for the subjects.
   *
   * @param subjects facts of the group's target type, holding every fact of the fleet whose split key
   *     equals the split key of one of them (facts without a split key may be in any part)
   * @param context facts of other types the subjects refer to
   * @throws IllegalArgumentException if the group is not one of this engine's
   */
  public List<RuleResult> evaluateFleetGroup(
      FleetGroup group, Collection<? extends Fact> subjects, Collection<? extends Fact> context) {
    Objects.requireNonNull(group, "group");
    if (group.index() >= fleetGroups.size() || fleetGroups.get(group.index()) != group) {
      throw new IllegalArgumentException("the fleet group " + group + " is not one of this engine's");
    }
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(context, "context");
    for (Fact fact : subjects) {
      if (fact.type() != group.target()) {
        throw new IllegalArgumentException("the fleet group compares " + group.target().wireName() + "s, not the "
            + fact.type().wireName() + " '" + fact.id() + "'");
      }
    }
    return results(program.evaluateFleetPart(group.part, subjects, context, clock.instant()), group.part.rules());
  }

  private List<RuleResult> results(ResultTable table, List<Integer> ruleIndexes) {
    List<RuleResult> results = new ArrayList<>();
    for (int r : ruleIndexes) {
      table.ofRule(r).forEach(result -> results.add(Boundary.result(result, rules)));
    }
    return results;
  }

  /** Rules that compare the facts of one type with each other, by one value when they can be split by it. */
  public final class FleetGroup {

    private final FleetPart part;

    private FleetGroup(FleetPart part) {
      this.part = part;
    }

    /** The group's position among {@link #fleetGroups()}. */
    public int index() {
      return part.index();
    }

    /** The type of the facts the rules compare. */
    public FactType target() {
      return part.target();
    }

    /** The rules of the group, in pack order. */
    public List<Rule> rules() {
      return part.rules().stream().map(EvaluationParts.this.rules::get).toList();
    }

    /**
     * What the fact is split by: facts with equal keys must be evaluated in one part. Empty when the
     * fact has no value to compare, so that it equals no other and may be evaluated in any part. For
     * a group whose rule compares several values at once, every fact has the same key.
     */
    public Optional<Object> splitKey(Fact fact) {
      return Optional.ofNullable(part.splitKey().apply(fact));
    }

    @Override
    public String toString() {
      return "#" + index() + " (" + target().wireName() + ": "
          + String.join(", ", rules().stream().map(rule -> rule.ruleId().toString()).toList()) + ")";
    }
  }
}
