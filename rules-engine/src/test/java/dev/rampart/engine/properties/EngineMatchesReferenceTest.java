package dev.rampart.engine.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Provenance;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.StreamingEvaluation;
import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property (1): for random rules and random fleets, the engine (Drools joins, compiled checks, truth
 * maintenance) gives every device the outcome and the evidence that a naive reference interpreter
 * computes; and splitting the fleet into parallel sessions of one device each, or streaming it,
 * changes no result and not the assessment coverage.
 */
class EngineMatchesReferenceTest {

  private static final int EXAMPLES = 2000;

  private final ReferenceInterpreter reference = new ReferenceInterpreter(Harness.TODAY);

  @Test
  void everyOutcomeAndItsEvidenceEqualTheReferenceInterpreters() {
    Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
    Set<String> evidenceSeen = new TreeSet<>();
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
          ReferenceInterpreter.Judged expected = reference.result(rule, device, scenario.facts());
          RuleResult actual = result(report, rule.id(), device.id());
          seen.add(actual.outcome());
          actual.evidence().forEach(e -> evidenceSeen.addAll(kinds(actual.outcome(), e)));
          if (actual.outcome() != expected.outcome() || !actual.evidence().equals(expected.evidence())) {
            throw new AssertionError("rule " + rule.id() + " on device " + device.id() + ": the engine says "
                + actual.outcome() + " " + actual.evidence() + " but the reference interpreter says "
                + expected.outcome() + " " + expected.evidence()
                + "\n--- rule ---\n" + rule.yaml()
                + "--- device ---\n  " + FactText.describe(device)
                + "\n--- engine result ---\n  " + Harness.Row.of(actual));
          }
        }
      }
    });
    // the property is only as good as its examples: every outcome must have been compared
    assertEquals(EnumSet.allOf(Outcome.class), seen, "outcomes the generated examples reached");
    assertEquals(new TreeSet<>(List.of("ERROR evidence", "absent with a reason", "applicability", "destination",
            "destination ERROR", "negated", "negated absent", "present value reading absent", "unrecognised value")),
        evidenceSeen, "kinds of evidence the examples reached");
  }

  // the kinds of evidence that typed evidence tells apart, which the examples must reach
  private static Set<String> kinds(Outcome outcome, Evidence evidence) {
    Set<String> kinds = new TreeSet<>();
    if (outcome == Outcome.ERROR) {
      kinds.add("ERROR evidence");
    }
    if (evidence.applicability()) {
      kinds.add("applicability");
    }
    boolean negated = evidence.expected() instanceof Evidence.Expectation.Comparison c && c.negated();
    if (negated) {
      kinds.add(evidence.isAbsent() ? "negated absent" : "negated");
    }
    if (evidence.actual() instanceof Evidence.Actual.Absence a && !a.reason().isEmpty()) {
      kinds.add("absent with a reason");
    }
    if (evidence.actual() instanceof Evidence.Actual.Value v && v.text().startsWith("absent")) {
      kinds.add("present value reading absent");
    }
    if (evidence.actual() instanceof Evidence.Actual.Value v && v.text().contains("(not a recognised protocol;")) {
      kinds.add("unrecognised value");
    }
    if (evidence.field().matches("outboundDestinations\\[\\d+]")) {
      kinds.add(outcome == Outcome.ERROR ? "destination ERROR" : "destination");
    }
    return kinds;
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
