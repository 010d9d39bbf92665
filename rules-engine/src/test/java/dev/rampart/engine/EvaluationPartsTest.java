package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.ServiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rules split for an evaluation spread over many machines: the fact rules over any split of the
 * facts, and each fleet group over a split that keeps equal split keys together, give together exactly
 * what one evaluation of all the facts gives.
 */
class EvaluationPartsTest {

  private final EvaluationTest fixtures = new EvaluationTest();

  @Test
  void namesTheFactRulesAndTheFleetGroups() throws Exception {
    EvaluationParts parts = fixtures.engine().parts();

    assertEquals(List.of("no-default-password", "no-telnet", "iot-segment", "vendor-disclosure"),
        parts.factRules().stream().map(Rule::id).toList());
    assertEquals("[#0 (device: test/unique-credential)]", parts.fleetGroups().toString());
  }

  @Test
  void thePartsTogetherGiveWhatOneEvaluationGives() throws Exception {
    ComplianceEngine engine = fixtures.engine();
    List<Fact> fleet = new ArrayList<>(fixtures.fleet());
    for (int i = 0; i < 30; i++) {
      fleet.add(EvaluationTest.device("d" + i, i % 3 == 0, i % 4 == 0 ? null : "fp-" + (i % 7),
          List.of(EvaluationTest.service(i % 5 == 0 ? 23 : 443, ServiceState.OPEN)), List.of("iot"), "acme"));
    }
    List<Fact> devices = fleet.stream().filter(fact -> fact.type() == FactType.DEVICE).toList();
    List<Fact> others = fleet.stream().filter(fact -> fact.type() != FactType.DEVICE).toList();
    EvaluationParts parts = engine.parts();

    Set<String> split = new TreeSet<>();
    // the fact rules: the other facts once, the devices in three arbitrary parts, each with the others as context
    parts.evaluateFactRules(others, List.of()).forEach(result -> split.add(text(result)));
    for (int part = 0; part < 3; part++) {
      int which = part;
      List<Fact> slice = devices.stream().filter(device -> Math.floorMod(device.id().hashCode(), 3) == which).toList();
      parts.evaluateFactRules(slice, others).forEach(result -> split.add(text(result)));
    }
    // the fleet group: two parts by split key; a device without one goes to either
    EvaluationParts.FleetGroup group = parts.fleetGroups().get(0);
    List<List<Fact>> byKey = List.of(new ArrayList<>(), new ArrayList<>());
    for (Fact device : devices) {
      byKey.get(group.splitKey(device).map(key -> Math.floorMod(key.hashCode(), 2)).orElse(0)).add(device);
    }
    byKey.forEach(part -> parts.evaluateFleetGroup(group, part, others).forEach(result -> split.add(text(result))));

    Set<String> whole = new TreeSet<>();
    engine.evaluate(fleet).results().forEach(result -> whole.add(text(result)));
    assertEquals(whole, split);
  }

  @Test
  void refusesAFleetGroupOfAnotherEngineOrFactsOfAnotherType() throws Exception {
    EvaluationParts parts = fixtures.engine().parts();
    EvaluationParts.FleetGroup foreign = fixtures.engine().parts().fleetGroups().get(0);
    List<Fact> others = fixtures.fleet().stream().filter(fact -> fact.type() != FactType.DEVICE).toList();

    assertEquals("the fleet group #0 (device: test/unique-credential) is not one of this engine's",
        assertThrows(IllegalArgumentException.class, () -> parts.evaluateFleetGroup(foreign, List.of(), List.of()))
            .getMessage());
    assertEquals("the fleet group compares devices, not the network 'iot'",
        assertThrows(IllegalArgumentException.class,
            () -> parts.evaluateFleetGroup(parts.fleetGroups().get(0), others, List.of())).getMessage());
  }

  private static String text(RuleResult result) {
    return result.rule().id() + " " + result.factType().wireName() + " " + result.factId() + " " + result.outcome()
        + " " + result.message() + " " + result.evidence();
  }
}
