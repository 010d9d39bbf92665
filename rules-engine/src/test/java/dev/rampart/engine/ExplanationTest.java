package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  final EvaluationTest fixtures = new EvaluationTest();

  @Test
  void theTreeShowsEveryConditionWithItsValueAndEachLeafsActualValue() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Explanation explanation = fixtures.engine().explain("no-telnet", FactType.DEVICE, "bad", facts);

    assertEquals(Outcome.FAIL, explanation.result().outcome());
    assertEquals("""
        FAILS noneOf services
          HOLDS all of [services[0]]
            HOLDS port in [23, 2323] [services[0].port = 23 (expected in [23, 2323])]
            HOLDS state equals open [services[0].state = open (expected equals open)]
        """, render(explanation.assertion(), ""));
  }

  @Test
  void theExplainedResultIsTheResultAnEvaluationReports() throws Exception {
    ComplianceEngine engine = fixtures.engine();
    List<Fact> facts = fixtures.fleet();
    Report report = engine.evaluate(facts);
    for (RuleResult result : report.results()) {
      Explanation explanation = engine.explain(result.rule().id(), result.factType(), result.factId(), facts);
      assertEquals(result, explanation.result(), result.rule().id() + " " + result.factId());
    }
  }

  @Test
  void aPlainListElementIsNamedByItsIndexAlone() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: allowlist, version: "1.0", title: Allowlist}
        rules:
          - id: SEG
            title: Destinations are allowed
            category: segmentation
            severity: high
            target: device
            assert: {allOf: outboundDestinations, where: {withinAny: {field: egressAllowlist}}}
        """, "allowlist.yaml")).build();
    List<Fact> facts = List.of(dev.rampart.spi.fact.Device.builder("cam")
        .outboundDestinations(List.of("192.0.2.5", "c2.evil.example")).egressAllowlist(List.of("192.0.2.0/28")).build());

    assertEquals("""
        FAILS allOf outboundDestinations
          HOLDS (element) withinAny {field: egressAllowlist} [outboundDestinations[0] = 192.0.2.5 (expected withinAny egressAllowlist ([192.0.2.0/28]))]
          FAILS (element) withinAny {field: egressAllowlist} [outboundDestinations[1] = c2.evil.example (expected withinAny egressAllowlist ([192.0.2.0/28]))]
        """, render(engine.explain("SEG", FactType.DEVICE, "cam", facts).assertion(), ""));
  }

  @Test
  void anUnknownRuleIsNamedWithTheClosestOne() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fixtures.engine().explain("no-telnett", FactType.DEVICE, "bad", fixtures.fleet()));
    assertEquals("no rule 'no-telnett' in the packs (did you mean 'no-telnet'?)", e.getMessage());
  }

  static String render(Explanation.Node node, String indent) {
    String subject = node.subject().isEmpty() ? "" : " [" + node.subject() + "]";
    String evidence = node.evidence().isEmpty() ? ""
        : " " + node.evidence().stream().map(Evidence::toString).collect(Collectors.joining("; ", "[", "]"));
    StringBuilder text = new StringBuilder(indent + node.value() + " " + node.condition()
        + (node.children().isEmpty() ? evidence : subject) + "\n");
    node.children().forEach(child -> text.append(render(child, indent + "  ")));
    return text.toString();
  }
}
