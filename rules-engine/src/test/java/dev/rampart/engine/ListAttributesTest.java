package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Device;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An attribute may hold a list ({@code attributes: {zones: [yard, gate]}}): {@code contains} and the
 * quantifiers test it. A condition that compares a single value never meets a list silently: a list
 * where one value was expected, or one value where a quantifier wanted a list, is an ERROR that says
 * which operator fits, so a {@code notEquals} over a list can never pass.
 */
class ListAttributesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
  private static final Device YARD_AND_GATE =
      Device.builder("d").attributes(Map.of("zones", List.of("yard", "gate"), "ports", List.of(80L, 443L))).build();

  @Test
  void containsFindsAnElementOfAListAttribute() throws PackLoadException {
    assertEquals("PASS []", evaluate("{field: attributes.zones, contains: gate}", YARD_AND_GATE));
    assertEquals("PASS []", evaluate("{field: attributes.ports, contains: 443}", YARD_AND_GATE));
    assertEquals("FAIL [attributes.zones = [yard, gate] (expected contains office)]",
        evaluate("{field: attributes.zones, contains: office}", YARD_AND_GATE));
  }

  @Test
  void quantifiersRangeOverTheElementsOfAListAttribute() throws PackLoadException {
    assertEquals("PASS []", evaluate("{allOf: attributes.zones, where: {in: [yard, gate, office]}}", YARD_AND_GATE));
    assertEquals("FAIL [attributes.zones[1] = gate (expected in [yard])]",
        evaluate("{allOf: attributes.zones, where: {in: [yard]}}", YARD_AND_GATE));
    assertEquals("PASS []", evaluate("{anyOf: attributes.ports, where: {atLeast: 443}}", YARD_AND_GATE));
    assertEquals("FAIL [attributes.ports[0] = 80 (expected notEquals 80)]",
        evaluate("{noneOf: attributes.ports, where: {equals: 80}}", YARD_AND_GATE));
  }

  @Test
  void anAbsentListAttributeIsUnknown() throws PackLoadException {
    assertEquals("UNKNOWN [attributes.zones = absent (expected a list)]",
        evaluate("{anyOf: attributes.zones, where: {equals: gate}}", Device.builder("d").build()));
  }

  @Test
  void aListWhereOneValueIsComparedIsAnErrorNeverAPass() throws PackLoadException {
    assertEquals("""
        ERROR attributes.zones: [yard, gate] is a list; 'notEquals' compares a single value (use 'contains', or a \
        quantifier: anyOf, allOf, noneOf) [attributes.zones = [yard, gate] (expected notEquals office)]""",
        evaluateWithMessage("{field: attributes.zones, notEquals: office}", YARD_AND_GATE));
    assertEquals("""
        ERROR attributes.zones: [yard, gate] is a list; 'notIn' compares a single value (use 'contains', or a \
        quantifier: anyOf, allOf, noneOf) [attributes.zones = [yard, gate] (expected notIn [office])]""",
        evaluateWithMessage("{field: attributes.zones, notIn: [office]}", YARD_AND_GATE));
  }

  @Test
  void aSingleValueWhereAQuantifierWantsAListIsAnError() throws PackLoadException {
    assertEquals("""
        ERROR attributes.zones: 'yard' is a single value, not a list [attributes.zones = yard (expected a list)]""",
        evaluateWithMessage("{allOf: attributes.zones, where: {equals: yard}}",
            Device.builder("d").attributes(Map.of("zones", "yard")).build()));
  }

  @Test
  void aFieldComparedWithAListAttributeIsAnErrorNeverAPass() throws PackLoadException {
    assertEquals("""
        ERROR name: cannot compare cam with the list [yard, gate] (use 'in' to test membership) \
        [name = cam (expected notEquals attributes.zones ([yard, gate]))]""",
        evaluateWithMessage("{field: name, notEquals: {field: attributes.zones}}",
            Device.builder("d").name("cam").attributes(Map.of("zones", List.of("yard", "gate"))).build()));
  }

  private static String evaluate(String assertion, Device device) throws PackLoadException {
    RuleResult result = result(assertion, device);
    return result.outcome() + " " + result.evidence();
  }

  private static String evaluateWithMessage(String assertion, Device device) throws PackLoadException {
    RuleResult result = result(assertion, device);
    return result.outcome() + " " + result.message().replace("evaluation failed: ", "") + " " + result.evidence();
  }

  private static RuleResult result(String assertion, Device device) throws PackLoadException {
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(RulePacks.parse(PackText.deviceRule(assertion), "lists.yaml")).clock(CLOCK).build();
    return engine.evaluate(List.of(device)).resultsForRule("R").get(0);
  }
}
