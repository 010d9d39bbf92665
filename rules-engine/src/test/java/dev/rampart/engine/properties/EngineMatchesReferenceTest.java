package dev.rampart.engine.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Provenance;
import dev.rampart.engine.StreamingEvaluation;
import dev.rampart.spi.fact.Fact;
import dev.rampart.engine.Outcome;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property (1): for random rules and random fleets, the engine (Drools joins, compiled checks, truth
 * maintenance) gives every device the outcome that a naive reference interpreter computes; and
 * splitting the fleet into parallel sessions of one device each, or streaming it, changes no result
 * and not the assessment coverage.
 */
class EngineMatchesReferenceTest {

  private static final int EXAMPLES = 2000;

  private final ReferenceInterpreter reference = new ReferenceInterpreter(Harness.TODAY);

  @Test
  void everyOutcomeEqualsTheReferenceInterpretersOutcome() {
    Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
    Harness.qt(EXAMPLES).forAll(Generators.scenarios()).checkAssert(scenario -> {
      ComplianceEngine engine = Harness.engine(scenario.rules());
      Report report = engine.evaluate(scenario.facts());
      ComplianceEngine perDevice = Harness.engine(scenario.rules(), 1);
      List<Harness.Row> whole = Harness.Row.of(report.results());
      Report perDeviceReport = perDevice.evaluate(scenario.facts());
      List<Harness.Row> split = Harness.Row.of(perDeviceReport.results());
      if (!whole.equals(split)) {
        throw new AssertionError("one session per device changes the results:\n"
            + Harness.difference("one session", whole, "one per device", split));
      }
      Report streamedReport = streamed(perDevice, scenario.facts());
      List<Harness.Row> streamed = Harness.Row.of(streamedReport.results());
      if (!whole.equals(streamed)) {
        throw new AssertionError("streaming the facts changes the results:\n"
            + Harness.difference("evaluate", whole, "streamed", streamed));
      }
      assertEquals(report.coverage(), perDeviceReport.coverage(), "one session per device changes the coverage");
      assertEquals(report.coverage(), streamedReport.coverage(), "streaming the facts changes the coverage");
      for (GeneratedRule rule : scenario.rules()) {
        for (Device device : scenario.devices()) {
          Outcome expected = reference.outcome(rule, device, scenario.facts());
          RuleResult actual = result(report, rule.id(), device.id());
          seen.add(actual.outcome());
          if (actual.outcome() != expected) {
            throw new AssertionError("rule " + rule.id() + " on device " + device.id() + ": the engine says "
                + actual.outcome() + " but the reference interpreter says " + expected
                + "\n--- rule ---\n" + rule.yaml()
                + "--- device ---\n  " + FactText.describe(device)
                + "\n--- engine result ---\n  " + Harness.Row.of(actual));
          }
        }
      }
    });
    // the property is only as good as its examples: every outcome must have been compared
    assertEquals(EnumSet.allOf(Outcome.class), seen, "outcomes the generated examples reached");
  }

  // networks, vendors and deployments first, as a streamed evaluation needs them
  private static Report streamed(ComplianceEngine engine, List<? extends Fact> facts) {
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      facts.stream().filter(fact -> fact.type() != FactType.DEVICE).forEach(evaluation::add);
      facts.stream().filter(fact -> fact.type() == FactType.DEVICE).forEach(evaluation::add);
      return evaluation.finish();
    }
  }

  private static RuleResult result(Report report, String ruleId, String deviceId) {
    return report.resultsForFact(FactType.DEVICE, deviceId).stream()
        .filter(r -> r.rule().id().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result of rule " + ruleId + " for device " + deviceId));
  }
}
