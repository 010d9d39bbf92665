package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code uniqueAmong: CONDITION}: no other fact of the type that the condition selects has the same
 * value; one the condition may select (UNKNOWN for it) leaves the check UNKNOWN. Two rules compare the
 * same field among different facts: credentials of devices in service must be unique among devices in
 * service, and must not be a retired device's credential.
 */
class UniqueAmongTest {

  static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: test, version: "1.0", title: Test pack}
      rules:
        - id: unique-in-service
          title: Credential unique among devices in service
          category: identity
          severity: critical
          target: device
          when: {field: lifecycle.status, notEquals: retired, ifAbsent: true}
          assert: {field: credentials.fingerprint, uniqueAmong: {field: lifecycle.status, notEquals: retired, ifAbsent: true}}
        - id: not-reused
          title: Credential of no retired device
          category: identity
          severity: high
          target: device
          when: {field: lifecycle.status, notEquals: retired, ifAbsent: true}
          assert: {field: credentials.fingerprint, uniqueAmong: {field: lifecycle.status, equals: retired}}
      """;

  @Test
  void aCredentialOfARetiredDeviceIsReuseNotSharing() throws Exception {
    Report report = engine().evaluate(List.of(
        device("cam-old", "fp-1", LifecycleStatus.RETIRED),
        device("cam-new", "fp-1", LifecycleStatus.ACTIVE),
        device("twin-a", "fp-2", LifecycleStatus.ACTIVE),
        device("twin-b", "fp-2", null),
        device("solo", "fp-3", LifecycleStatus.ACTIVE),
        device("no-credential", null, LifecycleStatus.ACTIVE)));

    assertEquals(Outcome.PASS, outcome(report, "unique-in-service", "cam-new"));
    assertEquals(Outcome.FAIL, outcome(report, "not-reused", "cam-new"));
    assertEquals("[credentials.fingerprint = fp-1 (shared with 1 other device: cam-old)"
            + " (expected uniqueAmong {field: lifecycle.status, equals: retired})]",
        result(report, "not-reused", "cam-new").evidence().toString());
    assertEquals(Outcome.NOT_APPLICABLE, outcome(report, "not-reused", "cam-old"));

    // an unknown status counts as in service for the first rule (ifAbsent), and may be retired for the second
    assertEquals(Outcome.FAIL, outcome(report, "unique-in-service", "twin-a"));
    assertEquals(Outcome.FAIL, outcome(report, "unique-in-service", "twin-b"));
    assertEquals(Outcome.UNKNOWN, outcome(report, "not-reused", "twin-a"));
    assertEquals("[credentials.fingerprint = fp-2 (shared with 1 other device for which the condition cannot be"
            + " decided: twin-b) (expected uniqueAmong {field: lifecycle.status, equals: retired})]",
        result(report, "not-reused", "twin-a").evidence().toString());
    // twin-b's own unknown status is not held against it: only the others count
    assertEquals(Outcome.PASS, outcome(report, "not-reused", "twin-b"));

    assertEquals(Outcome.PASS, outcome(report, "unique-in-service", "solo"));
    assertEquals(Outcome.PASS, outcome(report, "not-reused", "solo"));
    assertEquals(Outcome.UNKNOWN, outcome(report, "not-reused", "no-credential"));
  }

  @Test
  void aSessionFollowsADeviceThatRetiresOrComesBack() throws Exception {
    try (ComplianceSession session = engine().openSession()) {
      session.insert(device("cam-old", "fp-1", LifecycleStatus.ACTIVE));
      session.insert(device("cam-new", "fp-1", LifecycleStatus.ACTIVE));
      assertEquals(Outcome.FAIL, outcome(session, "unique-in-service", "cam-new"));
      assertEquals(Outcome.PASS, outcome(session, "not-reused", "cam-new"));

      session.update(device("cam-old", "fp-1", LifecycleStatus.RETIRED));
      assertEquals(Outcome.PASS, outcome(session, "unique-in-service", "cam-new"));
      assertEquals(Outcome.FAIL, outcome(session, "not-reused", "cam-new"));

      session.remove(FactType.DEVICE, "cam-old");
      assertEquals(Outcome.PASS, outcome(session, "not-reused", "cam-new"));
    }
  }

  @Test
  void aLargeFleetSplitIntoPartsFindsEveryReuse() throws Exception {
    // the fleet evaluation splits the facts by the hash of the value; a retired device and the device
    // reusing its credential must meet in one part
    List<Fact> fleet = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      fleet.add(device(String.format("d%05d", i), "fp-" + i, i % 1000 == 0 ? LifecycleStatus.RETIRED : LifecycleStatus.ACTIVE));
    }
    for (int i = 0; i < 20; i++) {
      fleet.add(device("reuser-" + i, "fp-" + (i * 1000), LifecycleStatus.ACTIVE));
    }
    Report report = engine().evaluate(fleet);
    List<String> failed = report.findings().stream()
        .filter(r -> r.rule().id().equals("not-reused") && r.outcome() == Outcome.FAIL)
        .map(RuleResult::factId).sorted().toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("reuser-" + i);
    }
    assertEquals(expected.stream().sorted().toList(), failed);
  }

  @Test
  void theSelectionReadsOnlyTheOtherFactsOwnFields() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:59: rule R1: the condition of 'uniqueAmong' must test only the other facts' own fields (remove references (vendor., networks), clock operators (olderThan, newerThan, within, beyond) and unique from it)""",
        problems("assert: {field: credentials.fingerprint, uniqueAmong: {field: vendor.name, equals: acme}}"));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:59: rule R1: the condition of 'uniqueAmong' must test only the other facts' own fields (remove references (vendor., networks), clock operators (olderThan, newerThan, within, beyond) and unique from it)""",
        problems("assert: {field: credentials.fingerprint, uniqueAmong: {field: lifecycle.plannedRetirement, olderThan: P1Y}}"));
  }

  @Test
  void theOperandIsACondition() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:59: rule R1: 'uniqueAmong' takes a condition on the other facts, not the boolean true (write e.g. 'uniqueAmong: {field: lifecycle.status, equals: retired}')""",
        problems("assert: {field: credentials.fingerprint, uniqueAmong: true}"));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:93: rule R1: 'equals' on 'lifecycle.status': 'retird' is not a value of status (did you mean 'retired'?)""",
        problems("assert: {field: credentials.fingerprint, uniqueAmong: {field: lifecycle.status, equals: retird}}"));
  }

  private ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  private static Device device(String id, @Nullable String fingerprint, @Nullable LifecycleStatus status) {
    return Device.builder(id)
        .credentials(Credentials.builder().fingerprint(fingerprint).build())
        .lifecycle(status == null ? null : new Lifecycle(status, null, null))
        .build();
  }

  private static Outcome outcome(Report report, String rule, String fact) {
    return result(report, rule, fact).outcome();
  }

  private static RuleResult result(Report report, String rule, String fact) {
    return report.resultsForFact(FactType.DEVICE, fact).stream()
        .filter(r -> r.rule().id().equals(rule)).findFirst().orElseThrow();
  }

  private static Outcome outcome(ComplianceSession session, String rule, String fact) {
    return session.resultsFor(FactType.DEVICE, fact).stream()
        .filter(r -> r.rule().id().equals(rule)).findFirst().orElseThrow().outcome();
  }

  /** The problems of a pack whose one rule, R1, has the given line after {@code target: device}, at line 10. */
  private static String problems(String line) {
    String pack = """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        rules:
          - id: R1
            title: Test rule
            category: identity
            severity: high
            target: device
        """ + "    " + line + "\n";
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml"));
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
