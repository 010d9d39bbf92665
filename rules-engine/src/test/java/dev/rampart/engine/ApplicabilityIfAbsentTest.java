package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import dev.rampart.spi.fact.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ifAbsent} on a leaf of a rule's {@code when}: the value the leaf takes where its field is
 * absent, so that the common guard reads as one line and an unreported status does not turn every
 * finding into an UNKNOWN. Refused outside {@code when}, where it would let missing data pass.
 */
class ApplicabilityIfAbsentTest {

  private static final Path FORMAT_DOC = Path.of("../docs/rule-pack-format.md");

  @Test
  void theDocumentedRuleAppliesToADeviceWhoseStatusIsAbsent() throws Exception {
    String rule = documentedRule();
    assertTrue(rule.contains("when: {field: lifecycle.status, notEquals: retired, ifAbsent: true}"), rule);

    Map<String, Outcome> outcomes = outcomes(pack(rule),
        device("unreported-default", null, true),
        device("unreported-changed", null, false),
        device("retired-default", LifecycleStatus.RETIRED, true),
        device("active-default", LifecycleStatus.ACTIVE, true));

    assertEquals(Map.of(
            "unreported-default", Outcome.FAIL,
            "unreported-changed", Outcome.PASS,
            "retired-default", Outcome.NOT_APPLICABLE,
            "active-default", Outcome.FAIL),
        outcomes);
  }

  @Test
  void withoutIfAbsentAnAbsentStatusLeavesTheFindingUnknown() throws Exception {
    String rule = documentedRule().replace(", ifAbsent: true}", "}");

    assertEquals(Map.of("unreported-default", Outcome.UNKNOWN),
        outcomes(pack(rule), device("unreported-default", null, true)));
  }

  @Test
  void ifAbsentFalseMakesTheRuleNotApplicableWhereTheFieldIsAbsent() throws Exception {
    String pack = guarded("{field: lifecycle.status, equals: active, ifAbsent: false}");

    assertEquals(Map.of("unreported", Outcome.NOT_APPLICABLE, "active", Outcome.FAIL),
        outcomes(pack, device("unreported", null, true), device("active", LifecycleStatus.ACTIVE, true)));
  }

  @Test
  void notNegatesTheValueIfAbsentGave() throws Exception {
    String pack = guarded("{not: {field: lifecycle.status, equals: retired, ifAbsent: false}}");

    assertEquals(Map.of("unreported", Outcome.FAIL, "retired", Outcome.NOT_APPLICABLE),
        outcomes(pack, device("unreported", null, true), device("retired", LifecycleStatus.RETIRED, true)));
  }

  @Test
  void ifAbsentCoversAnAbsentFieldComparedWith() throws Exception {
    String pack = guarded("{field: lifecycle.endOfSupport, atLeast: {field: lifecycle.plannedRetirement}, ifAbsent: true}");

    assertEquals(Map.of("unreported", Outcome.FAIL), outcomes(pack, device("unreported", null, true)));
  }

  @Test
  void aValueTheVocabularyDoesNotKnowIsNotAbsentSoIfAbsentLeavesItUnknown() throws Exception {
    String pack = guarded("{anyOf: services, where: {field: protocol, notEquals: telnet, ifAbsent: true}}");

    // a protocol nobody reported counts as not telnet; 'gopher-x' was reported, and could be anything
    assertEquals(Map.of("unreported", Outcome.FAIL, "unrecognised", Outcome.UNKNOWN),
        outcomes(pack, withProtocol("unreported", null), withProtocol("unrecognised", "gopher-x")));
  }

  @Test
  void explainShowsTheIfAbsentAndTheAbsentValue() throws Exception {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse(pack(documentedRule()), "doc.yaml")).build();
    Device device = device("unreported", null, true);

    Explanation explanation = engine.explain("IDN-001", FactType.DEVICE, "unreported", List.of(device));

    Explanation.Node applies = explanation.applicability();
    assertEquals("lifecycle.status notEquals retired, ifAbsent: true", applies.condition());
    assertEquals(Explanation.Value.HOLDS, applies.value());
    assertEquals("[lifecycle.status = absent (expected notEquals retired)]", applies.evidence().toString());
  }

  @Test
  void ifAbsentIsRefusedInAnAssertionWithTheFix() {
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(
        PackText.deviceRule("{all: [{field: credentials.defaultPassword, equals: false, ifAbsent: true}]}"), "pack.yaml"));

    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:72: rule R: 'ifAbsent' is allowed only in a rule's 'when': in 'assert' it would let missing data pass (remove 'ifAbsent'; a rule whose evidence is missing is UNKNOWN, which is what 'assert' must report)""",
        e.getMessage());
  }

  @Test
  void ifAbsentIsRefusedOnExistsAndMustBeABoolean() {
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(guarded(
        "{all: [{field: owner, exists: true, ifAbsent: true}, {field: model, equals: cam, ifAbsent: maybe}]}"), "pack.yaml"));

    assertEquals("""
        2 problems in rule pack:
        1. pack.yaml:10:47: rule R: 'ifAbsent' has no effect on 'exists', which is never UNKNOWN (remove 'ifAbsent')
        2. pack.yaml:10:102: rule R: 'ifAbsent' takes true or false, not the string 'maybe' (write 'ifAbsent: true' (an absent value counts as the condition holding) or 'ifAbsent: false')""",
        e.getMessage());
  }

  // The rule of the example in docs/rule-pack-format.md, as the doc shows it.
  private static String documentedRule() throws IOException {
    String doc = Files.readString(FORMAT_DOC);
    int start = doc.indexOf("  - id: IDN-001");
    return doc.substring(start, doc.indexOf("```", start));
  }

  private static String guarded(String when) {
    return PackText.deviceRule("", when, "{field: credentials.defaultPassword, equals: false}");
  }

  private static String pack(String rules) {
    return PackText.header("") + rules;
  }

  private static Device device(String id, LifecycleStatus status, boolean defaultPassword) {
    Device.Builder device = Device.builder(id).name(id)
        .credentials(new Credentials(defaultPassword, null, null, null, null, null));
    if (status != null) {
      device.lifecycle(new Lifecycle(status, null, null));
    }
    return device.build();
  }

  private static Device withProtocol(String id, String protocol) {
    Service service = new Service(null, 2323, null, protocol, null, null, null, null, null, null, null, null, null, null, null, null);
    return Device.builder(id).name(id).credentials(new Credentials(true, null, null, null, null, null)).services(List.of(service))
        .build();
  }

  private static Map<String, Outcome> outcomes(String pack, Fact... facts) throws PackLoadException {
    ComplianceEngine engine = ComplianceEngine.builder().pack(RulePacks.parse(pack, "doc.yaml")).build();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    engine.evaluate(List.of(facts)).results().forEach(r -> outcomes.put(r.factId(), r.outcome()));
    return outcomes;
  }
}
