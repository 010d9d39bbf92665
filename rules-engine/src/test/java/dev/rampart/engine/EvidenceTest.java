package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Evidence;
import dev.rampart.engine.value.Evidence.Actual;
import dev.rampart.engine.value.Evidence.Expectation.Comparison;
import dev.rampart.engine.value.Evidence.Expectation.Presence;
import dev.rampart.engine.value.Evidence.Operand;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.ServiceState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What evidence holds and how it reads: the value found or an explicit absence (never told apart by
 * its text), the expectation as data with negation as a flag, and for an ERROR the field and value
 * that could not be evaluated.
 */
class EvidenceTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aValueThatReadsAbsentIsAPresentValue() throws Exception {
    RuleResult result = evaluate("{not: {field: model, equals: absentia}}", Device.builder("d").model("absentia").build());

    assertEquals("FAIL [model = absentia (expected notEquals absentia)]", outcomeAndEvidence(result));
    Evidence evidence = result.evidence().get(0);
    assertFalse(evidence.isAbsent());
    assertEquals(new Evidence(FieldPath.of("model"), Actual.value("absentia"), new Comparison("equals", Operand.literal("absentia"), true)),
        evidence);
  }

  @Test
  void aNegatedNotEqualsReadsAsEqualsAndKeepsTheOperatorAsWritten() throws Exception {
    RuleResult result = evaluate("{not: {field: owner, notEquals: facilities}}", Device.builder("d").owner("ops").build());

    assertEquals("FAIL [owner = ops (expected equals facilities)]", outcomeAndEvidence(result));
    assertEquals(new Comparison("notEquals", Operand.literal("facilities"), true), result.evidence().get(0).expected());
  }

  @Test
  void negatingTwiceGivesTheExpectationBack() throws Exception {
    RuleResult result = evaluate("{not: {not: {field: owner, equals: facilities}}}", Device.builder("d").owner("ops").build());

    assertEquals("FAIL [owner = ops (expected equals facilities)]", outcomeAndEvidence(result));
    assertEquals(new Comparison("equals", Operand.literal("facilities"), false), result.evidence().get(0).expected());
  }

  @Test
  void aNegatedOperatorWithoutAnOppositeReadsAsNot() throws Exception {
    RuleResult result = evaluate("{not: {field: model, matches: \"^cam\"}}", Device.builder("d").model("cam-200").build());

    assertEquals("FAIL [model = cam-200 (expected not matches ^cam)]", outcomeAndEvidence(result));
  }

  @Test
  void unknownEvidenceKeepsTheNegation() throws Exception {
    RuleResult result = evaluate("{not: {field: owner, equals: root}}", Device.builder("d").build());

    assertEquals("UNKNOWN [owner = absent (expected notEquals root)]", outcomeAndEvidence(result));
    assertTrue(result.evidence().get(0).isAbsent());
    assertEquals("evidence missing to decide: owner", result.message());
  }

  @Test
  void noneOfNegatesTheEvidenceOfEveryElement() throws Exception {
    Fact device = Device.builder("d").services(List.of(service(22, ServiceState.OPEN), service(null, ServiceState.OPEN)))
        .build();

    RuleResult result = evaluate("{noneOf: services, where: {field: port, in: [23, 2323]}}", device);

    assertEquals("UNKNOWN [services[1].port = absent (expected notIn [23, 2323])]", outcomeAndEvidence(result));
    RuleResult failing = evaluate("{noneOf: services, where: {all: [{field: port, in: [23, 2323]}, {field: state, notEquals: closed}]}}",
        Device.builder("d").services(List.of(service(23, ServiceState.OPEN))).build());
    assertEquals("FAIL [services[0].port = 23 (expected notIn [23, 2323]), services[0].state = open (expected equals closed)]",
        outcomeAndEvidence(failing));
  }

  @Test
  void aReferenceThatNamesNoFactIsAnAbsenceWithItsReason() throws Exception {
    RuleResult result = evaluate("{not: {field: vendor.disclosureProgram, equals: false}}",
        Device.builder("d").vendorId("nobody").build());

    assertEquals("UNKNOWN [vendor.disclosureProgram = absent (no vendor with id 'nobody') (expected notEquals false)]",
        outcomeAndEvidence(result));
    assertEquals(Actual.absent("no vendor with id 'nobody'"), result.evidence().get(0).actual());
  }

  @Test
  void aListOfReferencesThatNamesNoFactNeedsAKnownFactUnderNoneOfToo() throws Exception {
    RuleResult result = evaluate("{noneOf: networks, where: {field: zone, equals: corporate}}",
        Device.builder("d").networkIds(List.of("n9")).build());

    assertEquals("UNKNOWN [networks[n9] = absent (no network with id 'n9') (expected a known fact)]",
        outcomeAndEvidence(result));
    assertEquals(new Presence("a known fact"), result.evidence().get(0).expected());
  }

  @Test
  void anEmptyListReadsAsTheElementsTheQuantifierWanted() throws Exception {
    RuleResult result = evaluate("{anyOf: services, where: {field: port, equals: 443}}", Device.builder("d").services(List.of())
        .build());

    assertEquals("FAIL [services = [] (expected at least one element)]", outcomeAndEvidence(result));
    assertEquals(new Comparison("anyOf", null, false), result.evidence().get(0).expected());
  }

  @Test
  void aParameterAndAnotherFieldAreNamedBesideTheirValues() throws Exception {
    RuleResult parameter = evaluatePack(PackText.deviceRule("maxPort: {type: integer, default: 1024}", "",
            "{allOf: services, where: {field: port, atMost: {param: maxPort}}}"),
        Device.builder("d").services(List.of(service(8080, ServiceState.OPEN))).build());

    assertEquals("FAIL [services[0].port = 8080 (expected atMost 1024 (parameter maxPort))]", outcomeAndEvidence(parameter));
    assertEquals(Operand.parameter("maxPort", "1024"), ((Comparison) parameter.evidence().get(0).expected()).operand());
  }

  @Test
  void anErrorNamesTheFieldAndTheValueThatCouldNotBeCompared() throws Exception {
    RuleResult result = evaluate("{all: [{field: owner, exists: true}, {field: attributes.rack, greaterThan: 5}]}",
        Device.builder("d").owner("ops").attributes(Map.of("rack", "banana")).build());

    assertEquals("""
        ERROR evaluation failed: attributes.rack: cannot order banana against 5: they are not of one kind
        [attributes.rack = banana (expected greaterThan 5)]""", result.outcome() + " " + result.message() + "\n" + result.evidence());
  }

  @Test
  void anErrorUnderNotKeepsTheNegation() throws Exception {
    RuleResult result = evaluate("{not: {field: attributes.rack, greaterThan: 5}}",
        Device.builder("d").attributes(Map.of("rack", "banana")).build());

    assertEquals("ERROR [attributes.rack = banana (expected not greaterThan 5)]", outcomeAndEvidence(result));
  }

  @Test
  void anErrorInAQuantifierNestedInAllNamesTheElement() throws Exception {
    RuleResult result = evaluate("{all: [{field: owner, exists: true}, {allOf: outboundDestinations, where: {inCidr: [\"10.0.0.0/8\"]}}]}",
        Device.builder("d").owner("ops").outboundDestinations(List.of("10.1.1.1", "gateway.local")).build());

    assertEquals("""
        ERROR evaluation failed: outboundDestinations[1]: 'gateway.local' is not an IP address or network
        [outboundDestinations[1] = gateway.local (expected inCidr [10.0.0.0/8])]""",
        result.outcome() + " " + result.message() + "\n" + result.evidence());
  }

  @Test
  void explainShowsTheErrorOfAPlainElementWithTheElementsName() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(RulePacks.parse(PackText.deviceRule("{allOf: outboundDestinations, where: {inCidr: [\"10.0.0.0/8\"]}}"),
            "evidence.yaml"))
        .build();
    Device device = Device.builder("d").outboundDestinations(List.of("10.1.1.1", "banana")).build();

    Explanation explanation = engine.explain("R", FactType.DEVICE, "d", List.of(device));

    List<Explanation.Node> elements = explanation.assertion().children();
    assertEquals("HOLDS [outboundDestinations[0] = 10.1.1.1 (expected inCidr [10.0.0.0/8])]",
        elements.get(0).value() + " " + elements.get(0).evidence());
    assertEquals("ERROR [outboundDestinations[1] = banana (expected inCidr [10.0.0.0/8])]",
        elements.get(1).value() + " " + elements.get(1).evidence());
    assertEquals("evaluation failed: outboundDestinations[1]: 'banana' is not an IP address or network",
        explanation.result().message());
  }

  @Test
  void anUnknownApplicabilitySaysItIsOne() throws Exception {
    RuleResult result = evaluatePack(PackText.deviceRule("", "{not: {field: owner, equals: lab}}", "{field: model, equals: cam}"),
        Device.builder("d").model("lock").build());

    assertEquals("UNKNOWN [owner = absent (expected rule applies if notEquals lab), model = lock (expected equals cam)]",
        outcomeAndEvidence(result));
    assertTrue(result.evidence().get(0).applicability());
    assertFalse(result.evidence().get(1).applicability());
  }

  private static Service service(Integer port, ServiceState state) {
    return new Service(null, port, null, null, state, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static String outcomeAndEvidence(RuleResult result) {
    return result.outcome() + " " + result.evidence();
  }

  private static RuleResult evaluate(String assertion, Fact... facts) throws PackLoadException {
    return evaluatePack(PackText.deviceRule(assertion), facts);
  }

  private static RuleResult evaluatePack(String pack, Fact... facts) throws PackLoadException {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse(pack, "evidence.yaml")).clock(CLOCK).build();
    return engine.evaluate(List.of(facts)).resultsForRule("R").get(0);
  }
}
