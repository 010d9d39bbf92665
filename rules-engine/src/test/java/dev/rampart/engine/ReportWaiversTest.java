package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.DeviceClass;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which results a waiver accepts, and what an expired waiver does (the fixtures are evaluated at 2026-11-25). */
class ReportWaiversTest {

  final EvaluationTest fixtures = new EvaluationTest();

  @Test
  void aValidWaiverMarksTheFailsAndUnknownsItCoversAndNothingElse() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts);
    Waiver telnet = waiver("no-telnet").factId("bad").build();

    Report waived = report.withWaivers(List.of(telnet), facts);

    RuleResult fail = result(waived, "no-telnet", "bad");
    RuleResult unknown = result(waived, "no-telnet", "twin");
    assertEquals(Outcome.FAIL, fail.outcome());
    assertEquals(new AppliedWaiver(telnet, fail), waived.waiverOf(fail).orElseThrow());
    assertTrue(waived.waiverOf(unknown).isEmpty(), "another fact");
    assertTrue(waived.waiverOf(result(waived, "no-default-password", "bad")).isEmpty(), "another rule");
    assertEquals(1, waived.waivedCount());
    assertEquals(1L, waived.waivedCounts().get(Outcome.FAIL));
    assertEquals(report.results(), waived.results(), "results and their order stay");
    assertEquals(report.counts(), waived.counts(), "counts stay");
    assertTrue(report.waiverOf(fail).isEmpty(), "the original report is unchanged");
  }

  @Test
  void patternsSelectRulesAndFactsAndPassesAreNeverWaived() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts)
        .withWaivers(List.of(waiver("no-*").factType(FactType.DEVICE).factId("?wi*").build()), facts);

    assertEquals(List.of("no-default-password twin UNKNOWN", "no-telnet twin UNKNOWN"), waivedResults(report));
    assertEquals(Map.of(Outcome.PASS, 0L, Outcome.FAIL, 0L, Outcome.UNKNOWN, 2L, Outcome.NOT_APPLICABLE, 0L,
        Outcome.ERROR, 0L), report.waivedCounts());
  }

  @Test
  void aRuleCanBeNamedWithItsPack() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts)
        .withWaivers(List.of(waiver("test/iot-segment").build(), waiver("other/no-telnet").build()), facts);

    assertEquals(List.of("iot-segment bad FAIL", "iot-segment twin UNKNOWN"), waivedResults(report));
  }

  @Test
  void aFieldMatchComparesAttributesAndEnumerationsByTheirNamesInFiles() throws Exception {
    List<Fact> facts = new ArrayList<>(fixtures.fleet());
    facts.removeIf(f -> f.id().equals("bad"));
    facts.add(Device.builder("dock-1").credentials(null).attributes(Map.of("site", "dock", "floor", 2)).build());
    facts.add(Device.builder("gw-1").deviceClass(DeviceClass.GATEWAY).attributes(Map.of("site", "hq")).build());
    Report report = fixtures.engine().evaluate(facts);

    assertEquals(List.of("no-default-password dock-1 UNKNOWN"), waivedResults(report.withWaivers(
        List.of(waiver("no-default-password").where("attributes.site", "dock").build()), facts)));
    assertEquals(List.of("no-default-password dock-1 UNKNOWN"), waivedResults(report.withWaivers(
        List.of(waiver("no-default-password").factType(FactType.DEVICE).where("attributes.floor", "2.0").build()), facts)));
    assertEquals(List.of("no-default-password gw-1 UNKNOWN"), waivedResults(report.withWaivers(
        List.of(waiver("no-default-password").factType(FactType.DEVICE).where("deviceClass", "gateway").build()), facts)));
  }

  @Test
  void aWaiverIsValidThroughItsExpiryDay() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts); // at 2026-11-25T00:00:00Z

    Report lastDay = report.withWaivers(List.of(waiver("no-telnet").factId("bad").expires(LocalDate.of(2026, 11, 25)).build()), facts);
    assertEquals(List.of("no-telnet bad FAIL"), waivedResults(lastDay));
    assertEquals(List.of(), lastDay.expiredWaivers());
  }

  @Test
  void anExpiredWaiverAcceptsNothingAndIsListedWhenItCoversAFinding() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts);
    Waiver expired = waiver("no-telnet").factId("bad").expires(LocalDate.of(2026, 11, 24)).build();
    Waiver expiredOnPasses = waiver("no-telnet").factId("good").expires(LocalDate.of(2026, 1, 1)).build();

    Report waived = report.withWaivers(List.of(expiredOnPasses, expired), facts);

    assertEquals(List.of(), waivedResults(waived));
    assertEquals(List.of(expired), waived.expiredWaivers());
    assertEquals(0, waived.waivedCount());
  }

  @Test
  void theFirstValidWaiverInTheListIsTheOneApplied() throws Exception {
    List<Fact> facts = fixtures.fleet();
    Report report = fixtures.engine().evaluate(facts);
    Waiver expired = waiver("no-telnet").justification("old").expires(LocalDate.of(2026, 1, 1)).build();
    Waiver first = waiver("no-telnet").justification("first").build();
    Waiver second = waiver("no-*").justification("second").build();

    Report waived = report.withWaivers(List.of(expired, first, second), facts);

    assertEquals("first", waived.waiverOf(result(waived, "no-telnet", "bad")).orElseThrow().waiver().justification());
    assertEquals("second", waived.waiverOf(result(waived, "no-default-password", "bad")).orElseThrow().waiver().justification());
    assertEquals(List.of(expired), waived.expiredWaivers(), "it covered findings, so it is due for renewal or removal");
    assertFalse(waived.withWaivers(List.of(), facts).waiverOf(result(waived, "no-telnet", "bad")).isPresent(),
        "applying again replaces the waivers");
  }

  @Test
  void aWhereMatchesOnlyAValueFromASourceTheWaiverTrusts() throws Exception {
    List<Fact> facts = dockCameraIn("lab");
    Provenance labTag = (type, factId, field) -> field.equals(FieldPath.parse("attributes.env"))
        ? new Origin("azure-iot-hub", "lab.json", 4, 7) : Origin.of("inventory", "site.yaml");
    Report report = fixtures.engine().evaluate(facts, labTag);
    Waiver inventoryOnly = waiver("no-default-password").where("attributes.env", "lab").build();
    Waiver trustingAzure = waiver("no-default-password").where("attributes.env", "lab")
        .trustedSources("inventory", "azure-iot-hub").build();

    Report untrusted = report.withWaivers(List.of(inventoryOnly), facts, labTag);
    RuleResult unknown = result(untrusted, "no-default-password", "dock-1");
    assertEquals(List.of(), waivedResults(untrusted), "the lab tag came from Azure, which the waiver does not trust");
    assertEquals(List.of(new UntrustedMatch(inventoryOnly, unknown, new Origin("azure-iot-hub", "lab.json", 4, 7))),
        untrusted.untrustedMatchesOf(unknown));
    assertEquals(untrusted.untrustedMatchesOf(unknown), untrusted.untrustedMatches());
    assertEquals("""
        attributes.env came from azure-iot-hub:lab.json:4:7, which this waiver does not trust \
        (add azure-iot-hub to its trustedSources)""", untrusted.untrustedMatches().get(0).reason());

    Report trusted = report.withWaivers(List.of(trustingAzure), facts, labTag);
    assertEquals(List.of("no-default-password dock-1 UNKNOWN"), waivedResults(trusted));
    assertEquals(List.of(), trusted.untrustedMatches());
  }

  @Test
  void aValueOfUnknownSourceIsTrustedByNoWaiver() throws Exception {
    List<Fact> facts = dockCameraIn("lab");
    Report report = fixtures.engine().evaluate(facts).withWaivers(
        List.of(waiver("no-default-password").where("attributes.env", "lab").build()), facts, Provenance.none());

    assertEquals(List.of(), waivedResults(report));
    assertEquals(List.of("""
        the source of attributes.env is not known, so this waiver does not trust it \
        (evaluate the facts with their provenance)"""),
        report.untrustedMatches().stream().map(UntrustedMatch::reason).toList());
  }

  @Test
  void factsWithoutProvenanceAreTheInventorysSoOnlyWaiversTrustingItMatchThem() throws Exception {
    List<Fact> facts = dockCameraIn("lab");
    Report report = fixtures.engine().evaluate(facts);

    Report byDefault = report.withWaivers(
        List.of(waiver("no-default-password").where("attributes.env", "lab").build()), facts);
    Report netboxOnly = report.withWaivers(
        List.of(waiver("no-default-password").where("attributes.env", "lab").trustedSources("netbox").build()), facts);

    assertEquals(List.of("no-default-password dock-1 UNKNOWN"), waivedResults(byDefault));
    assertEquals(List.of(), waivedResults(netboxOnly));
    assertEquals(List.of("""
        attributes.env came from inventory:facts given without provenance, which this waiver does not trust \
        (add inventory to its trustedSources)"""),
        netboxOnly.untrustedMatches().stream().map(UntrustedMatch::reason).toList());
  }

  @Test
  void aWaiverTurnedAwayIsNotListedWhenAnotherAcceptedTheResult() throws Exception {
    List<Fact> facts = dockCameraIn("lab");
    Provenance azure = (type, factId, field) -> Origin.of("azure-iot-hub", "lab.json");
    Waiver untrusted = waiver("no-default-password").where("attributes.env", "lab").build();
    Waiver byId = waiver("no-default-password").factId("dock-1").build();

    Report report = fixtures.engine().evaluate(facts, azure).withWaivers(List.of(untrusted, byId), facts, azure);

    assertEquals(List.of("no-default-password dock-1 UNKNOWN"), waivedResults(report));
    assertEquals(byId, report.waiverOf(result(report, "no-default-password", "dock-1")).orElseThrow().waiver());
    assertEquals(List.of(), report.untrustedMatches());
  }

  @Test
  void anUntrustedWaiverIsNotExpiredEither() throws Exception {
    List<Fact> facts = dockCameraIn("lab");
    Provenance azure = (type, factId, field) -> Origin.of("azure-iot-hub", "lab.json");
    Waiver expired = waiver("no-default-password").where("attributes.env", "lab").expires(LocalDate.of(2026, 1, 1))
        .build();

    Report report = fixtures.engine().evaluate(facts, azure).withWaivers(List.of(expired), facts, azure);

    assertEquals(List.of(), report.expiredWaivers(), "it covers nothing it could accept");
    assertEquals(1, report.untrustedMatches().size());
  }

  // A camera without credentials (UNKNOWN for no-default-password) tagged with an environment.
  private List<Fact> dockCameraIn(String env) throws Exception {
    List<Fact> facts = new ArrayList<>(fixtures.fleet());
    facts.removeIf(f -> f.id().equals("bad"));
    facts.add(Device.builder("dock-1").credentials(null).attributes(Map.of("env", env)).build());
    return facts;
  }

  private static Waiver.Builder waiver(String rule) {
    return Waiver.forRule(rule).justification("accepted").approvedBy("jane").expires(LocalDate.of(2026, 12, 31));
  }

  private static RuleResult result(Report report, String rule, String factId) {
    return report.resultsForRule(rule).stream().filter(r -> r.factId().equals(factId)).findFirst().orElseThrow();
  }

  private static List<String> waivedResults(Report report) {
    return report.results().stream().filter(r -> report.waiverOf(r).isPresent())
        .map(r -> r.rule().id() + " " + r.factId() + " " + r.outcome()).toList();
  }
}
