package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rule with no fact of its target type produces no result; the report says it was not assessed,
 * why, and which requirements that leaves unassessed, whichever way the facts were evaluated.
 */
class AssessmentCoverageTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: coverage, version: "1.0", title: Coverage pack}
      rules:
        - id: device-owner
          title: Every device has an owner
          category: operations
          severity: high
          target: device
          requirements: [G1]
          assert: {field: owner, exists: true}
        - id: network-monitored
          title: Networks are monitored
          category: segmentation
          severity: high
          target: network
          requirements: [G1, G9]
          assert: {field: monitoring.trafficMonitoring, equals: true}
        - id: vendor-disclosure
          title: Vendors run a disclosure program
          category: procurement
          severity: medium
          target: vendor
          requirements: [G9]
          assert: {field: disclosureProgram, equals: true}
        - id: incident-plan
          title: An incident response plan exists
          category: operations
          severity: critical
          target: deployment
          requirements: [G10]
          assert: {field: incidentResponse.playbook, exists: true}
      """;

  private static ComplianceEngine engine() throws PackLoadException {
    return ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "coverage.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  // what a scanner and a vendor list supply: no network, no deployment
  private static List<Fact> devicesAndVendors() {
    return List.of(Vendor.builder("acme").disclosureProgram(true).build(), Device.builder("cam-1").vendorId("acme").build());
  }

  @Test
  void rulesWithoutFactsOfTheirTargetTypeAreNotAssessedWithTheReasonAndTheFix() throws Exception {
    Report report = engine().evaluate(devicesAndVendors());

    assertEquals("""
        network-monitored: no network facts supplied (add a 'networks' section to the inventory)
        incident-plan: no deployment fact supplied (add a 'deployment' section to the inventory)""",
        report.notAssessed().stream().map(n -> n.rule().id() + ": " + n.reason()).collect(Collectors.joining("\n")));
    assertEquals(List.of(FactType.NETWORK, FactType.DEPLOYMENT),
        report.notAssessed().stream().map(NotAssessed::missingFactType).toList());
    assertEquals(List.of(), report.resultsForRule("incident-plan"), "a rule not assessed has no result");
  }

  @Test
  void eachRequirementIsAssessedPartlyAssessedOrNotAssessedInNaturalOrder() throws Exception {
    AssessmentCoverage coverage = engine().evaluate(devicesAndVendors()).coverage();

    assertEquals("""
        G1 PARTIALLY_ASSESSED rules [device-owner, network-monitored] not assessed [network-monitored]
        G9 PARTIALLY_ASSESSED rules [network-monitored, vendor-disclosure] not assessed [network-monitored]
        G10 NOT_ASSESSED rules [incident-plan] not assessed [incident-plan]""",
        coverage.requirements().stream()
            .map(r -> r.requirement() + " " + r.status() + " rules " + ids(r.rules()) + " not assessed " + ids(r.notAssessed()))
            .collect(Collectors.joining("\n")));
    assertEquals(coverage.requirements(), coverage.incompleteRequirements());
    assertEquals(List.of("G10"), coverage.requirements(RequirementAssessment.Status.NOT_ASSESSED).stream()
        .map(RequirementAssessment::requirement).toList());
    assertEquals("{no network facts supplied (add a 'networks' section to the inventory)=[network-monitored],"
        + " no deployment fact supplied (add a 'deployment' section to the inventory)=[incident-plan]}",
        coverage.notAssessedByReason().entrySet().stream().map(e -> e.getKey() + "=" + ids(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}")));
  }

  @Test
  void withAFactOfEveryTargetTypeEverythingIsAssessed() throws Exception {
    List<Fact> facts = new java.util.ArrayList<>(devicesAndVendors());
    facts.add(Network.builder("iot").build());
    facts.add(Deployment.builder("site").build());

    AssessmentCoverage coverage = engine().evaluate(facts).coverage();

    assertTrue(coverage.isComplete());
    assertEquals(List.of(), coverage.notAssessed());
    assertEquals(List.of(), coverage.incompleteRequirements());
    assertEquals(List.of(RequirementAssessment.Status.ASSESSED, RequirementAssessment.Status.ASSESSED,
        RequirementAssessment.Status.ASSESSED), coverage.requirements().stream().map(RequirementAssessment::status).toList());
  }

  @Test
  void noFactsAtAllLeaveEveryRuleUnassessed() throws Exception {
    AssessmentCoverage coverage = engine().evaluate(List.of()).coverage();

    assertEquals(List.of("device-owner", "network-monitored", "vendor-disclosure", "incident-plan"),
        coverage.notAssessed().stream().map(n -> n.rule().id()).toList());
    assertEquals("no device facts supplied (add a 'devices' section to the inventory, or a device source)",
        coverage.notAssessed().get(0).reason());
  }

  @Test
  void anEvaluationStoppedEarlySaysTheFactsWereNotReachedRatherThanNotSupplied() throws Exception {
    ComplianceEngine bounded = ComplianceEngine.builder()
        .pack(RulePacks.parse(PACK, "coverage.yaml"))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .maxFacts(1)
        .build();

    Report report = bounded.evaluate(devicesAndVendors());

    assertTrue(report.incompleteReason().isPresent());
    assertEquals("""
        device-owner: no device fact evaluated before the evaluation stopped (raise the fact or time limit)
        network-monitored: no network fact evaluated before the evaluation stopped (raise the fact or time limit)
        incident-plan: no deployment fact evaluated before the evaluation stopped (raise the fact or time limit)""",
        report.notAssessed().stream().map(n -> n.rule().id() + ": " + n.reason()).collect(Collectors.joining("\n")));
  }

  @Test
  void batchStreamedIncrementalAndWaivedReportsStateTheSameCoverage() throws Exception {
    ComplianceEngine engine = engine();
    AssessmentCoverage batch = engine.evaluate(devicesAndVendors()).coverage();

    AssessmentCoverage streamed;
    try (StreamingEvaluation evaluation = engine.startEvaluation(Provenance.none())) {
      devicesAndVendors().forEach(evaluation::add);
      streamed = evaluation.finish().coverage();
    }
    AssessmentCoverage incremental;
    try (ComplianceSession session = engine.openSession()) {
      devicesAndVendors().forEach(session::insert);
      session.insert(Deployment.builder("site").build());
      session.remove(FactType.DEPLOYMENT, "site");
      incremental = session.report().coverage();
    }
    Waiver everything = Waiver.forRule("*").justification("accepted").approvedBy("ciso")
        .expires(LocalDate.parse("2027-01-01")).build();
    AssessmentCoverage waived = engine.evaluate(devicesAndVendors()).withWaivers(List.of(everything), devicesAndVendors())
        .coverage();

    assertEquals(batch, streamed);
    assertEquals(batch, incremental);
    assertEquals(batch, waived);
    assertEquals(2, batch.notAssessed().size());
  }

  private static List<String> ids(List<Rule> rules) {
    return rules.stream().map(Rule::id).toList();
  }
}
