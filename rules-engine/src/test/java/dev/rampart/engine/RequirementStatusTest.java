package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.RequirementStatus.Status;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requirement roll-up: each requirement's status is the worst of its rules' by one precedence
 * (not satisfied, unknown, waived, satisfied), a requirement without any result is not assessed, and
 * a rule not assessed beside assessed ones leaves its requirement unknown, never satisfied.
 */
class RequirementStatusTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: rollup, version: "1.0", title: Roll-up pack}
      rules:
        - id: tier
          title: Devices are of the gold tier
          category: operations
          severity: high
          target: device
          requirements: [G1, G2]
          assert: {field: attributes.tier, equals: gold}
        - id: zone
          title: Cameras sit in the OT zone
          category: segmentation
          severity: high
          target: device
          requirements: [G2, G3, G5]
          when: {field: attributes.kind, equals: camera}
          assert: {field: attributes.zone, equals: ot}
        - id: monitored
          title: Networks are monitored
          category: segmentation
          severity: medium
          target: network
          requirements: [G3, G4, X-7]
          assert: {field: monitoring.trafficMonitoring, equals: true}
      """;

  private static final List<Fact> FACTS = List.of(
      Device.builder("cam-1").attributes(Map.of("kind", "camera", "tier", "gold", "zone", "ot")).build(),
      Device.builder("cam-2").attributes(Map.of("kind", "camera", "tier", "silver", "zone", "ot")).build(),
      Device.builder("sensor-1").attributes(Map.of("kind", "sensor", "zone", "it")).build());

  private static ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "rollup.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  private static Waiver waiver(String factId) {
    return new Waiver("tier", FactType.DEVICE, factId, null, "replaced in Q1", "sam", LocalDate.of(2027, 3, 31),
        "waivers.yaml:4:5");
  }

  private static String table(Report report) {
    return report.requirementStatuses().stream()
        .map(requirement -> requirement.requirement() + " " + requirement.status() + " " + requirement.rules().stream()
            .map(rule -> rule.rule().id() + "=" + rule.status() + rule.counts().entrySet().stream()
                .filter(count -> count.getValue() > 0)
                .map(count -> count.getKey() + ":" + count.getValue())
                .collect(Collectors.joining(",", "[", "]")) + (rule.waived() > 0 ? "+waived:" + rule.waived() : ""))
            .collect(Collectors.joining(" ")))
        .map(String::stripTrailing)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aFailDecidesThenEvidenceMissingThenWaiversThenPassesAndARequirementWithoutResultsIsNotAssessed()
      throws Exception {
    Report report = engine().evaluate(FACTS);

    assertEquals("""
        G1 NOT_SATISFIED tier=NOT_SATISFIED[PASS:1,FAIL:1,UNKNOWN:1]
        G2 NOT_SATISFIED tier=NOT_SATISFIED[PASS:1,FAIL:1,UNKNOWN:1] zone=SATISFIED[PASS:2,NOT_APPLICABLE:1]
        G3 UNKNOWN zone=SATISFIED[PASS:2,NOT_APPLICABLE:1] monitored=NOT_ASSESSED[]
        G4 NOT_ASSESSED monitored=NOT_ASSESSED[]
        G5 SATISFIED zone=SATISFIED[PASS:2,NOT_APPLICABLE:1]
        X-7 NOT_ASSESSED monitored=NOT_ASSESSED[]
        """, table(report));
    assertEquals(Map.of(Status.NOT_SATISFIED, 2L, Status.UNKNOWN, 1L, Status.WAIVED, 0L, Status.SATISFIED, 1L,
        Status.NOT_ASSESSED, 2L), RequirementStatus.countByStatus(report.requirementStatuses()));
  }

  @Test
  void aWaivedFailLeavesTheMissingEvidenceToDecideAndOnlyWaivedFindingsMakeARequirementWaived() throws Exception {
    Report failWaived = engine().evaluate(FACTS).withWaivers(List.of(waiver("cam-2")), FACTS);
    Report allWaived = engine().evaluate(FACTS).withWaivers(List.of(waiver("cam-2"), waiver("sensor-1")), FACTS);

    assertEquals("G1 UNKNOWN tier=UNKNOWN[PASS:1,UNKNOWN:1]+waived:1",
        table(failWaived).lines().findFirst().orElseThrow());
    assertEquals("""
        G1 WAIVED tier=WAIVED[PASS:1]+waived:2
        G2 WAIVED tier=WAIVED[PASS:1]+waived:2 zone=SATISFIED[PASS:2,NOT_APPLICABLE:1]
        """, table(allWaived).lines().limit(2).collect(Collectors.joining("\n", "", "\n")));
  }

  @Test
  void anIncompleteEvaluationSatisfiesNothing() throws Exception {
    ComplianceEngine limited = ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "rollup.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .maxFacts(1)
        .build();

    Report report = limited.evaluate(FACTS);

    assertEquals("G5 UNKNOWN zone=UNKNOWN[PASS:1]", table(report).lines()
        .filter(line -> line.startsWith("G5")).findFirst().orElseThrow());
  }

  @Test
  void aRequirementThatOnlyDisabledRulesServeIsNotAssessedAndNamesThem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("rollup.yaml"), PACK);
    Files.writeString(dir.resolve("site.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: site, version: "1.0", title: Site}
        extends: ./rollup.yaml
        disable:
          - rule: monitored
            reason: no networks on this site
        """);
    ComplianceEngine tailored = ComplianceEngine.builder().pack(RulePacks.load(dir.resolve("site.yaml"))).build();

    Report report = tailored.evaluate(FACTS);

    assertEquals("""
        G3 SATISFIED zone=SATISFIED[PASS:2,NOT_APPLICABLE:1]
        G4 NOT_ASSESSED
        """, table(report).lines().filter(line -> line.startsWith("G3") || line.startsWith("G4"))
        .collect(Collectors.joining("\n", "", "\n")));
    RequirementStatus g4 = report.requirementStatuses().get(3);
    assertEquals("G4: monitored (no networks on this site)", g4.requirement() + ": " + g4.disabledRules().stream()
        .map(rule -> rule.ruleId() + " (" + rule.reason() + ")").collect(Collectors.joining(", ")));
  }
}
