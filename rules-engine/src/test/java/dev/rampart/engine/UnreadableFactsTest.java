package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.ServiceState;
import dev.rampart.spi.source.Origin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fact that stands in for a record its source could not read has only its id: whatever its empty
 * fields would make of it (a FAIL for a missing value, a NOT_APPLICABLE, a PASS), every result for
 * it is UNKNOWN with the reason, in batch, streaming and explained evaluation alike.
 */
class UnreadableFactsTest {

  private static final String WHY = "scan.xml:12:3: host 10.0.0.9: port 'http' is not a number (write the port number)";

  /** Rules that a device with only its id would fail (owner), skip (owned devices only) and leave unknown (services). */
  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: test, version: "1.0", title: Test pack}
      rules:
        - id: documented-owner
          title: Every device has a documented owner
          category: operations
          severity: low
          target: device
          assert: {field: owner, exists: true}
        - id: owned-no-telnet
          title: Owned devices offer no telnet
          category: interfaces
          severity: high
          target: device
          when: {field: owner, exists: true}
          assert:
            noneOf: services
            where: {field: port, equals: 23}
        - id: no-default-password
          title: No default password
          category: identity
          severity: critical
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
      """;

  /** Says that device 'skipped' stands in for a record the scan could not read. */
  private final Provenance provenance = new Provenance() {
    @Override
    public Origin originOf(FactType type, String factId, FieldPath path) {
      return null;
    }

    @Override
    public String unreadable(FactType type, String factId) {
      return type == FactType.DEVICE && factId.equals("skipped") ? WHY : null;
    }
  };

  private static List<Fact> fleet() {
    return List.of(Device.builder("good").owner("facilities")
            .credentials(EvaluationTest.device("good", false, "fp-1", null, null, null).credentials())
            .services(List.of(EvaluationTest.service(22, ServiceState.OPEN))).build(),
        Device.builder("skipped").build());
  }

  private static ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder().pack(RulePacks.parse(PACK, "test.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC)).build();
  }

  @Test
  void withoutTheReasonTheEmptyFieldsOfAStandInWouldBeJudged() throws Exception {
    Report report = engine().evaluate(fleet(), (type, factId, path) -> null);

    assertEquals(Set.of(Outcome.FAIL, Outcome.NOT_APPLICABLE, Outcome.UNKNOWN), outcomesOf(report, "skipped"),
        "the premise of this test: a device with only its id fails, skips and leaves rules unknown by itself");
  }

  @Test
  void everyResultOfAFactThatCouldNotBeReadIsUnknownWithTheReason() throws Exception {
    Report report = engine().evaluate(fleet(), provenance);

    assertEquals(Set.of(Outcome.UNKNOWN), outcomesOf(report, "skipped"));
    assertEquals("device 'skipped' could not be read, so no rule can judge it: " + WHY,
        report.resultsForFact(FactType.DEVICE, "skipped").get(0).message());
    assertEquals(Set.of(Outcome.PASS), outcomesOf(report, "good"), "the facts read in full are judged as before");
    assertEquals(report.resultsForFact(FactType.DEVICE, "skipped").size(),
        report.findings().stream().filter(result -> result.factId().equals("skipped")).count(),
        "counted as findings too");
  }

  @Test
  void aStreamingEvaluationGivesTheSameResults() throws Exception {
    ComplianceEngine engine = engine();
    Report report;
    try (StreamingEvaluation streaming = engine.startEvaluation(provenance)) {
      fleet().forEach(streaming::add);
      report = streaming.finish();
    }

    assertEquals(engine.evaluate(fleet(), provenance).results(), report.results());
  }

  @Test
  void anExplanationOfAFactThatCouldNotBeReadSaysWhy() throws Exception {
    Explanation explanation = engine().explain("no-default-password", FactType.DEVICE, "skipped", fleet(), provenance);

    assertEquals(Outcome.UNKNOWN, explanation.result().outcome());
    assertEquals("device 'skipped' could not be read, so no rule can judge it: " + WHY, explanation.result().message());
  }

  private static Set<Outcome> outcomesOf(Report report, String deviceId) {
    Map<Outcome, Long> counts = report.resultsForFact(FactType.DEVICE, deviceId).stream()
        .collect(Collectors.groupingBy(result -> result.outcome(), Collectors.counting()));
    return counts.keySet();
  }
}
