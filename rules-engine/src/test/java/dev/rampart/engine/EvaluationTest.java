package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.fact.Zone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: test, version: "1.0", title: Test pack}
      parameters:
        badPorts: {type: list, default: ["23", "2323"], description: telnet ports}
      rules:
        - id: no-default-password
          title: No default password
          category: identity
          severity: critical
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
          message: "device ${id} still has its default password"
        - id: no-telnet
          title: No telnet
          category: interfaces
          severity: critical
          target: device
          assert:
            noneOf: services
            where:
              all:
                - {field: port, in: [23, 2323]}
                - {field: state, equals: open}
        - id: iot-segment
          title: Devices on IoT segments
          category: segmentation
          severity: high
          target: device
          assert:
            allOf: networks
            where: {field: zone, in: [iot, ot]}
        - id: vendor-disclosure
          title: Vendor runs disclosure program
          category: procurement
          severity: medium
          target: device
          assert: {field: vendor.disclosureProgram, equals: true}
        - id: unique-credential
          title: Unique credentials
          category: identity
          severity: critical
          target: device
          when: {field: credentials.authMethod, notEquals: none}
          assert: {field: credentials.fingerprint, unique: true}
      """;

  static Device device(String id, Boolean defaultPassword, String fingerprint, List<Service> services, List<String> networks, String vendor) {
    return Device.builder(id)
        .credentials(new Credentials(defaultPassword, null, fingerprint, AuthMethod.PASSWORD, null, null))
        .services(services)
        .networkIds(networks)
        .vendorId(vendor)
        .build();
  }

  static Service service(int port, ServiceState state) {
    return new Service(null, port, null, null, state, null, null, null, null, null, null, null, null, null, null, null);
  }

  ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  List<Fact> fleet() {
    return List.of(
        Network.builder("iot").zone(Zone.IOT).build(),
        Network.builder("corp").zone(Zone.CORPORATE).build(),
        Vendor.builder("acme").disclosureProgram(true).build(),
        device("good", false, "fp-1", List.of(service(443, ServiceState.OPEN)), List.of("iot"), "acme"),
        device("bad", true, "fp-2", List.of(service(23, ServiceState.OPEN)), List.of("iot", "corp"), "nobody"),
        device("twin", null, "fp-2", null, null, null));
  }

  @Test
  void outcomesAreThreeValuedWithEvidence() throws Exception {
    Report report = engine().evaluate(fleet());
    assertEquals(Outcome.PASS, outcome(report, "no-default-password", "good"));
    assertEquals(Outcome.FAIL, outcome(report, "no-default-password", "bad"));
    assertEquals(Outcome.UNKNOWN, outcome(report, "no-default-password", "twin"));
    assertEquals(Outcome.PASS, outcome(report, "no-telnet", "good"));
    assertEquals(Outcome.FAIL, outcome(report, "no-telnet", "bad"));
    assertEquals(Outcome.UNKNOWN, outcome(report, "no-telnet", "twin"));
    assertEquals(Outcome.PASS, outcome(report, "iot-segment", "good"));
    assertEquals(Outcome.FAIL, outcome(report, "iot-segment", "bad"));
    assertEquals(Outcome.PASS, outcome(report, "vendor-disclosure", "good"));
    assertEquals(Outcome.UNKNOWN, outcome(report, "vendor-disclosure", "bad"));
    assertEquals(Outcome.PASS, outcome(report, "unique-credential", "good"));
    assertEquals(Outcome.FAIL, outcome(report, "unique-credential", "bad"));
    assertEquals(Outcome.FAIL, outcome(report, "unique-credential", "twin"));
    RuleResult telnet = result(report, "no-telnet", "bad");
    assertEquals("[services[0].port = 23 (expected notIn [23, 2323]), services[0].state = open (expected notEquals open)]",
        telnet.evidence().toString());
    assertEquals("device bad still has its default password", result(report, "no-default-password", "bad").message());
    assertEquals("[vendor.disclosureProgram = absent (no vendor with id 'nobody') (expected equals true)]",
        result(report, "vendor-disclosure", "bad").evidence().toString());
  }

  @Test
  void rulesWithTheSameShapeKeepTheirOwnConditions() throws Exception {
    // Drools shares network nodes with equal constraint ids; each rule's filter must stay its own
    Report report = engine().evaluate(List.of(
        device("only-password", true, "a", List.of(), null, null),
        device("only-telnet", false, "b", List.of(service(23, ServiceState.OPEN)), null, null)));
    assertEquals(Outcome.FAIL, outcome(report, "no-default-password", "only-password"));
    assertEquals(Outcome.PASS, outcome(report, "no-telnet", "only-password"));
    assertEquals(Outcome.PASS, outcome(report, "no-default-password", "only-telnet"));
    assertEquals(Outcome.FAIL, outcome(report, "no-telnet", "only-telnet"));
  }

  @Test
  void sessionKeepsResultsTrueAsFactsChange() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      fleet().forEach(session::insert);
      assertEquals(Outcome.FAIL, session.resultsFor(FactType.DEVICE, "twin").stream()
          .filter(r -> r.rule().id().equals("unique-credential")).findFirst().orElseThrow().outcome());
      session.update(device("bad", false, "fp-3", List.of(), List.of("iot"), "acme"));
      List<RuleResult> bad = session.resultsFor(FactType.DEVICE, "bad");
      bad.forEach(r -> assertEquals(Outcome.PASS, r.outcome(), r.toString()));
      assertEquals(Outcome.PASS, session.resultsFor(FactType.DEVICE, "twin").stream()
          .filter(r -> r.rule().id().equals("unique-credential")).findFirst().orElseThrow().outcome());
      session.update(Network.builder("iot").zone(Zone.GUEST).build());
      assertEquals(Outcome.FAIL, session.resultsFor(FactType.DEVICE, "bad").stream()
          .filter(r -> r.rule().id().equals("iot-segment")).findFirst().orElseThrow().outcome());
      session.remove(FactType.DEVICE, "bad");
      assertEquals(List.of(), session.resultsFor(FactType.DEVICE, "bad"));
    }
  }

  static Outcome outcome(Report report, String rule, String fact) {
    return result(report, rule, fact).outcome();
  }

  static RuleResult result(Report report, String rule, String fact) {
    return report.resultsForFact(FactType.DEVICE, fact).stream().filter(r -> r.rule().id().equals(rule)).findFirst().orElseThrow();
  }
}
