package dev.rampart.engine.properties;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.properties.ConditionTree.All;
import dev.rampart.engine.properties.ConditionTree.Any;
import dev.rampart.engine.properties.ConditionTree.Not;
import dev.rampart.engine.properties.Harness.Row;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property (2): laws that evaluation obeys whatever the rule and the facts. Rewriting a condition by
 * a law of Kleene logic changes neither the outcome nor the evidence, and a fact's results depend
 * only on the facts it is related to, not on their order or on unrelated facts.
 */
class EvaluationLawsTest {

  private static final int EXAMPLES = 500;

  @Test
  void deMorganLawsHold() {
    Harness.qt(EXAMPLES).forAll(laws()).checkAssert(law -> {
      Report report = Harness.engine(law.rules()).evaluate(law.facts());
      for (Device device : law.devices()) {
        law.assertSame(report, device, "not-all", "any-not");
        law.assertSame(report, device, "not-any", "all-not");
      }
    });
  }

  @Test
  void doubleNegationIsTheIdentity() {
    Harness.qt(EXAMPLES).forAll(laws()).checkAssert(law -> {
      Report report = Harness.engine(law.rules()).evaluate(law.facts());
      for (Device device : law.devices()) {
        law.assertSame(report, device, "not-not", "a");
      }
    });
  }

  @Test
  void allAndAnyOfOneChildAreTheChild() {
    Harness.qt(EXAMPLES).forAll(laws()).checkAssert(law -> {
      Report report = Harness.engine(law.rules()).evaluate(law.facts());
      for (Device device : law.devices()) {
        law.assertSame(report, device, "all-one", "a");
        law.assertSame(report, device, "any-one", "a");
      }
    });
  }

  @Test
  void resultsDoNotDependOnTheOrderFactsAreGivenIn() {
    Gen<Shuffled> shuffled = source -> {
      Draw draw = new Draw(source);
      Scenario scenario = new Scenario(Generators.rules(draw, draw.between(1, 4)), Generators.fleet(draw));
      List<Fact> order = new ArrayList<>(scenario.facts());
      for (int i = order.size() - 1; i > 0; i--) {
        int j = draw.between(0, i);
        order.set(j, order.set(i, order.get(j)));
      }
      return new Shuffled(scenario, order);
    };
    Harness.qt(EXAMPLES).forAll(shuffled).checkAssert(example -> {
      ComplianceEngine engine = Harness.engine(example.scenario().rules());
      List<Row> given = Row.of(engine.evaluate(example.scenario().facts()).results());
      List<Row> shuffledOrder = Row.of(engine.evaluate(example.order()).results());
      if (!given.equals(shuffledOrder)) {
        throw new AssertionError("results differ when the facts are given in the order\n  "
            + example.order().stream().map(f -> f.type().wireName() + " " + f.id()).toList()
            + "\n" + Harness.difference("in the given order", given, "in the shuffled order", shuffledOrder));
      }
    });
  }

  @Test
  void unrelatedFactsDoNotChangeAnyResult() {
    Gen<Extended> extended = source -> {
      Draw draw = new Draw(source);
      Scenario scenario = new Scenario(Generators.rules(draw, draw.between(1, 4)), Generators.fleet(draw));
      return new Extended(scenario, unrelated(draw));
    };
    Harness.qt(EXAMPLES).forAll(extended).checkAssert(example -> {
      ComplianceEngine engine = Harness.engine(example.scenario().rules());
      List<Row> alone = Row.of(engine.evaluate(example.scenario().facts()).results());
      List<Fact> all = new ArrayList<>(example.scenario().facts());
      all.addAll(example.extra());
      Set<String> original = new HashSet<>();
      example.scenario().facts().forEach(f -> original.add(f.type() + "/" + f.id()));
      List<Row> together = Row.of(engine.evaluate(all).results()).stream()
          .filter(row -> original.contains(row.factType() + "/" + row.factId()))
          .toList();
      if (!alone.equals(together)) {
        throw new AssertionError("adding unrelated facts changed results\n"
            + Harness.difference("without them", alone, "with them", together));
      }
    });
  }

  /**
   * Devices, networks and vendors whose ids the generated fleet never uses or refers to, and whose
   * fingerprints no generated device has; they may refer to the fleet's networks and vendors.
   */
  private static List<Fact> unrelated(Draw draw) {
    List<Fact> extra = new ArrayList<>();
    int devices = draw.between(1, 3);
    for (int i = 1; i <= devices; i++) {
      Device device = Generators.device(draw, "x" + i);
      Credentials credentials = device.credentials();
      if (credentials != null && credentials.fingerprint() != null) {
        // extras may share fingerprints among themselves, never with the fleet
        device = device.toBuilder()
            .credentials(new Credentials(credentials.defaultPassword(), null, "fp-x" + draw.between(1, 2),
                credentials.authMethod(), null, null))
            .build();
      }
      extra.add(device);
    }
    if (draw.oneIn(2)) {
      extra.add(Generators.network(draw, "xn1"));
    }
    if (draw.oneIn(2)) {
      extra.add(Generators.vendor(draw, "xv1"));
    }
    return extra;
  }

  private static Gen<Law> laws() {
    return source -> {
      Draw draw = new Draw(source);
      ConditionTree when = draw.oneIn(3) ? Generators.condition(draw, 1) : null;
      ConditionTree a = Generators.condition(draw, Generators.MAX_DEPTH);
      ConditionTree b = Generators.condition(draw, Generators.MAX_DEPTH);
      // the rules combine a and b, so they check uniqueness one way, as a rule of the generator does
      ConditionTree.Leaf uniqueness = Generators.uniqueness(draw);
      return new Law(when == null ? null : Generators.oneUniqueness(when, uniqueness),
          Generators.oneUniqueness(a, uniqueness), Generators.oneUniqueness(b, uniqueness), Generators.fleet(draw));
    };
  }

  /**
   * Two random conditions {@code a} and {@code b}, an optional shared {@code when}, and a fleet; the
   * pack holds one rule per side of each law.
   */
  record Law(@Nullable ConditionTree when, ConditionTree a, ConditionTree b, List<Fact> facts) {

    List<GeneratedRule> rules() {
      return List.of(
          rule("a", a),
          rule("not-all", new Not(new All(List.of(a, b)))),
          rule("any-not", new Any(List.of(new Not(a), new Not(b)))),
          rule("not-any", new Not(new Any(List.of(a, b)))),
          rule("all-not", new All(List.of(new Not(a), new Not(b)))),
          rule("not-not", new Not(new Not(a))),
          rule("all-one", new All(List.of(a))),
          rule("any-one", new Any(List.of(a))));
    }

    List<Device> devices() {
      return facts.stream().filter(Device.class::isInstance).map(Device.class::cast).toList();
    }

    /** The two rules give the device the same outcome, with the same evidence. */
    void assertSame(Report report, Device device, String left, String right) {
      RuleResult l = result(report, device, left);
      RuleResult r = result(report, device, right);
      if (l.outcome() != r.outcome() || !l.evidence().equals(r.evidence())) {
        throw new AssertionError("rules " + left + " and " + right + " disagree on device " + device.id()
            + "\n  " + left + ": " + l.outcome() + " " + l.evidence()
            + "\n  " + right + ": " + r.outcome() + " " + r.evidence()
            + "\n--- rules ---\n" + rule(left) + rule(right)
            + "--- device ---\n  " + FactText.describe(device));
      }
    }

    private String rule(String id) {
      return rules().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow().yaml();
    }

    private GeneratedRule rule(String id, ConditionTree assertion) {
      return new GeneratedRule(id, when, assertion);
    }

    private static RuleResult result(Report report, Device device, String ruleId) {
      return report.resultsForFact(FactType.DEVICE, device.id()).stream()
          .filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
      return new Scenario(rules(), facts).toString();
    }
  }

  /** A scenario and the same facts in another order. */
  record Shuffled(Scenario scenario, List<Fact> order) {

    @Override
    public String toString() {
      return scenario + "--- shuffled order ---\n  "
          + order.stream().map(f -> f.type().wireName() + " " + f.id()).toList() + "\n";
    }
  }

  /** A scenario and facts unrelated to it. */
  record Extended(Scenario scenario, List<Fact> extra) {

    @Override
    public String toString() {
      return scenario + "--- unrelated facts ---\n" + FactText.describe(extra) + "\n";
    }
  }
}
