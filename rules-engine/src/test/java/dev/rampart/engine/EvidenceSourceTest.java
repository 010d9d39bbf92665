package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Evidence.Actual;
import dev.rampart.engine.value.Evidence.Expectation.Comparison;
import dev.rampart.engine.value.Evidence.Operand;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.Zone;
import dev.rampart.spi.source.Origin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evidence names the source of each value it cites when the evaluation is given provenance; a value
 * read through a reference is attributed to the referenced fact.
 */
class EvidenceSourceTest {

  private final List<String> asked = new ArrayList<>();

  /** Answers every question with a made-up place that repeats the question. */
  private final Provenance provenance = (type, factId, fieldPath) -> {
    asked.add(type.wireName() + "/" + factId + " " + fieldPath);
    return Origin.of("test", type.wireName() + "/" + factId + "#" + fieldPath);
  };

  private final EvaluationTest base = new EvaluationTest();

  private List<Fact> fleet() {
    return List.of(
        Network.builder("iot").zone(Zone.IOT).build(),
        Network.builder("corp").zone(Zone.CORPORATE).build(),
        Vendor.builder("acme").disclosureProgram(false).build(),
        EvaluationTest.device("bad", true, "fp-2", List.of(EvaluationTest.service(23, ServiceState.OPEN)),
            List.of("iot", "corp"), "acme"),
        EvaluationTest.device("twin", null, "fp-2", null, null, null));
  }

  @Test
  void evidenceOfAFieldOfTheFactNamesThatFieldsSource() throws Exception {
    Report report = base.engine().evaluate(fleet(), provenance);

    assertEquals(List.of(
            new Evidence(FieldPath.parse("services[0].port"), Actual.value("23"),
                new Comparison("in", Operand.literal("[23, 2323]"), true), false, "test:device/bad#services[0].port"),
            new Evidence(FieldPath.parse("services[0].state"), Actual.value("open"),
                new Comparison("equals", Operand.literal("open"), true), false, "test:device/bad#services[0].state")),
        result(report, "no-telnet", "bad").evidence());
    assertEquals("credentials.defaultPassword = true (expected equals false) [test:device/bad#credentials.defaultPassword]",
        result(report, "no-default-password", "bad").evidence().get(0).toString());
  }

  @Test
  void evidenceReadThroughAReferenceNamesTheReferencedFactsSource() throws Exception {
    Report report = base.engine().evaluate(fleet(), provenance);

    assertEquals("test:vendor/acme#disclosureProgram", result(report, "vendor-disclosure", "bad").evidence().get(0).source());
    assertEquals(new Evidence(FieldPath.parse("networks[corp].zone"), Actual.value("corporate"),
            new Comparison("in", Operand.literal("[iot, ot]"), false), false, "test:network/corp#zone"),
        result(report, "iot-segment", "bad").evidence().get(0));
  }

  @Test
  void aReferencedFactIsFoundByItsIdWhateverCharactersTheIdHolds() throws Exception {
    List<Fact> facts = List.of(Network.builder("corp].v2.x").zone(Zone.CORPORATE).build(),
        EvaluationTest.device("odd", false, "fp-9", List.of(), List.of("corp].v2.x"), null));

    Report report = base.engine().evaluate(facts, provenance);

    Evidence zone = result(report, "iot-segment", "odd").evidence().get(0);
    assertEquals(FieldPath.of("networks").key("corp].v2.x").field("zone"), zone.path());
    assertEquals("networks[corp].v2.x].zone", zone.field());
    assertEquals("test:network/corp].v2.x#zone", zone.source());
  }

  @Test
  void onlyPresentValuesCitedByFindingsAreLookedUp() throws Exception {
    Report report = base.engine().evaluate(fleet(), provenance);

    Evidence absent = result(report, "no-default-password", "twin").evidence().get(0);
    assertEquals("credentials.defaultPassword = absent (expected equals false)", absent.toString());
    assertNull(absent.source());
    assertEquals(List.of(
        "device/bad credentials.defaultPassword",
        "device/bad services[0].port",
        "device/bad services[0].state",
        "network/corp zone",
        "vendor/acme disclosureProgram",
        "device/bad credentials.fingerprint",
        "device/twin credentials.fingerprint"), asked);
  }

  @Test
  void withoutProvenanceEvidenceNamesNoSource() throws Exception {
    Report report = base.engine().evaluate(fleet());

    assertNull(result(report, "no-telnet", "bad").evidence().get(0).source());
    assertEquals(report.results(), base.engine().evaluate(fleet(), Provenance.none()).results());
  }

  @Test
  void anExplanationNamesSourcesInItsTreeAndItsResult() throws Exception {
    Explanation explanation = base.engine().explain("iot-segment", FactType.DEVICE, "bad", fleet(), provenance);

    assertEquals("test:network/corp#zone", explanation.result().evidence().get(0).source());
    List<String> leaves = new ArrayList<>();
    collect(explanation.assertion(), leaves);
    assertEquals(List.of(
        "networks[iot].zone = iot (expected in [iot, ot]) [test:network/iot#zone]",
        "networks[corp].zone = corporate (expected in [iot, ot]) [test:network/corp#zone]"), leaves);
  }

  private static void collect(Explanation.Node node, List<String> leaves) {
    node.evidence().forEach(e -> leaves.add(e.toString()));
    node.children().forEach(child -> collect(child, leaves));
  }

  private static RuleResult result(Report report, String rule, String factId) {
    return report.resultsForRule(rule).stream().filter(r -> r.factId().equals(factId)).findFirst().orElseThrow();
  }
}
