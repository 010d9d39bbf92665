package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.oscal.OscalValidation.OscalModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assessment results of site.yaml (every outcome and a waiver), of the bundled example, of a run
 * with no result and of a pack that cites nothing: valid OSCAL 1.1.2 by NIST's library, and each
 * rule's outcome, requirement and control mapped as docs/oscal.md says.
 */
class AssessmentResultsTest {

  private static String site;
  private static JsonNode result;

  @BeforeAll
  static void writeTheSite() throws IOException {
    site = Assessments.of(Assessments.SITE, Assessments.PACK, Assessments.WAIVERS);
    result = new ObjectMapper().readTree(site).path("assessment-results").path("results").get(0);
  }

  @Test
  void theSiteIsValidOscal() {
    assertValid(site);
  }

  @Test
  void eachRequirementAndControlIsAFindingWithItsStatusAndReason() {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode finding : result.path("findings")) {
      JsonNode target = finding.path("target");
      statuses.put(finding.path("title").asText(), target.path("target-id").asText() + " "
          + target.path("status").path("state").asText() + " (" + target.path("status").path("reason").asText() + ")");
    }

    assertEquals(Map.ofEntries(
        Map.entry("Requirement G11", "g11 not-satisfied (fail)"),
        Map.entry("Requirement G12", "g12 not-satisfied (waived)"),
        Map.entry("Requirement G21", "g21 not-satisfied (evidence-missing)"),
        Map.entry("Requirement G30", "g30 satisfied (pass)"),
        Map.entry("Requirement G31", "g31 satisfied (not-applicable)"),
        Map.entry("Requirement G40", "g40 not-satisfied (not-assessed)"),
        Map.entry("Requirement G42", "g42 not-satisfied (error)"),
        Map.entry("etsi-en-303-645 5.1-1", "_5.1-1 not-satisfied (fail)"),
        Map.entry("iec-62443-4-2 CR 1.5 RE(1)", "cr-1.5-re.1 not-satisfied (fail)"),
        Map.entry("etsi-en-303-645 5.3-9", "_5.3-9 not-satisfied (evidence-missing)")), statuses);
    assertEquals(List.of("Requirement G11", "Requirement G12", "Requirement G21", "Requirement G30",
        "Requirement G31", "Requirement G40", "Requirement G42", "etsi-en-303-645 5.1-1",
        "iec-62443-4-2 CR 1.5 RE(1)", "etsi-en-303-645 5.3-9"), List.copyOf(statuses.keySet()), "in this order");
  }

  @Test
  void aFindingSaysWhatDecidedIt() {
    JsonNode notAssessed = finding("Requirement G40");
    assertEquals("Not assessed: OSC-006 (no deployment fact supplied (add a 'deployment' section to the inventory))",
        notAssessed.path("target").path("status").path("remarks").asText());
    assertFalse(notAssessed.has("related-observations"), "no result, nothing observed");

    JsonNode error = finding("Requirement G42");
    assertEquals("Requirement G42 of the guide, served by OSC-003: 2 PASS, 1 ERROR.", error.path("description").asText());
    assertEquals(List.of(observationUuid("OSC-003 PASS: device cam-01"), observationUuid("OSC-003 ERROR: device cam-02"),
        observationUuid("OSC-003 PASS: device sensor-01")), texts(error.path("related-observations"), "observation-uuid"));

    JsonNode control = finding("iec-62443-4-2 CR 1.5 RE(1)");
    assertEquals(Map.of("framework", "iec-62443-4-2", "control", "CR 1.5 RE(1)", "results-fail", "1"),
        props(control, "framework", "control", "results-fail"));
    assertEquals("Control CR 1.5 RE(1) of IEC 62443-4-2 Technical security requirements for IACS components, 2019,"
        + " served by OSC-001: 2 PASS, 1 FAIL.", control.path("description").asText());
  }

  @Test
  void eachOutcomeOfARuleForAFactIsAnObservationOfThatFactWithItsEvidence() {
    assertEquals(18, result.path("observations").size(), "3 devices x 6 device rules");
    JsonNode error = observation("OSC-003 ERROR: device cam-02");

    assertEquals("evaluation failed: attributes.rack: cannot order A7 against 3: they are not of one kind",
        error.path("description").asText());
    assertEquals(Map.of("pack", "oscal-test", "rule", "OSC-003", "outcome", "ERROR", "severity", "low"),
        props(error, "pack", "rule", "outcome", "severity"));
    assertEquals("TEST", error.path("methods").get(0).asText());
    assertEquals("finding", error.path("types").get(0).asText());
    assertEquals(AssessmentResults.TOOL.toString(), error.path("origins").get(0).path("actors").get(0)
        .path("actor-uuid").asText());
    JsonNode evidence = error.path("relevant-evidence").get(0);
    assertEquals("attributes.rack = A7 (expected atLeast 3)", evidence.path("description").asText());
    assertEquals(Map.of("field", "attributes.rack", "found", "A7", "expected", "atLeast 3",
        "source", "inventory:src/test/resources/oscal/site.yaml:15:5"), props(evidence, "field", "found", "expected", "source"));

    JsonNode subject = error.path("subjects").get(0);
    assertEquals("inventory-item", subject.path("type").asText());
    JsonNode item = inventoryItem(subject.path("subject-uuid").asText());
    assertEquals(Map.of("fact-type", "device", "fact-id", "cam-02",
        "origin", "inventory:src/test/resources/oscal/site.yaml:15:5"), props(item, "fact-type", "fact-id", "origin"));
    assertEquals("The device cam-02, as src/test/resources/oscal/site.yaml:15:5 defines it.",
        item.path("description").asText());

    JsonNode pass = observation("OSC-001 PASS: device cam-02");
    assertEquals("control-objective", pass.path("types").get(0).asText());
    assertFalse(pass.has("relevant-evidence"), "a PASS carries no evidence");
    JsonNode notApplicable = observation("OSC-004 NOT_APPLICABLE: device cam-01");
    assertEquals("not applicable: the rule's 'when' condition does not hold for this fact (rampart explain shows why)",
        notApplicable.path("description").asText());
    assertEquals("control-objective", notApplicable.path("types").get(0).asText());
    assertEquals("Remediation: Set a unique password on every device.",
        observation("OSC-001 FAIL: device cam-01").path("remarks").asText());
  }

  @Test
  void aWaiverIsARiskWhoseDeviationWasApprovedUntilItExpires() {
    assertEquals(1, result.path("risks").size());
    JsonNode risk = result.path("risks").get(0);

    assertEquals("Waiver: OSC-007 for device sensor-01", risk.path("title").asText());
    assertEquals("The replacement is on order", risk.path("description").asText());
    assertEquals("deviation-approved", risk.path("status").asText());
    assertEquals("2027-02-01T00:00:00Z", risk.path("deadline").asText(), "it applies through its expiry day");
    assertEquals(Map.of("ticket", "SEC-42", "expires", "2027-01-31", "approved-by", "jane.doe (CISO)",
        "location", "src/test/resources/oscal/waivers.yaml:4:5"), props(risk, "ticket", "expires", "approved-by", "location"));
    assertEquals("deviation-approved", risk.path("risk-log").path("entries").get(0).path("status-change").asText());
    assertEquals(List.of(observationUuid("OSC-007 FAIL: device sensor-01")),
        texts(risk.path("related-observations"), "observation-uuid"));
    assertEquals(Map.of("waived", "true"), props(observation("OSC-007 FAIL: device sensor-01"), "waived"));
    assertEquals(List.of(risk.path("uuid").asText()), texts(finding("Requirement G12").path("related-risks"), "risk-uuid"));
    assertFalse(finding("Requirement G11").has("related-risks"));
  }

  @Test
  void theDocumentImportsThePacksAsItsAssessmentPlan() throws IOException {
    JsonNode document = new ObjectMapper().readTree(site).path("assessment-results");
    JsonNode metadata = document.path("metadata");
    assertEquals("Rampart assessment results: OSCAL test pack 2.0.0", metadata.path("title").asText());
    assertEquals("2026-11-25T00:00:00Z", metadata.path("last-modified").asText());
    assertEquals("1.1.2", metadata.path("oscal-version").asText());
    assertEquals(Map.of("tool", "rampart dev"), props(metadata, "tool"));

    JsonNode plan = document.path("back-matter").path("resources").get(0);
    assertEquals("#" + plan.path("uuid").asText(), document.path("import-ap").path("href").asText());
    assertEquals("- oscal-test 2.0.0: OSCAL test pack (src/test/resources/oscal/pack.yaml)",
        plan.path("description").asText());
    assertEquals("src/test/resources/oscal/pack.yaml", plan.path("rlinks").get(0).path("href").asText());
    assertEquals("2026-11-25T00:00:00Z", result.path("start").asText());
    assertEquals("The rules of oscal-test 2.0.0 evaluated for 3 facts: 9 PASS, 2 FAIL, 1 UNKNOWN, 5 NOT_APPLICABLE,"
        + " 1 ERROR; 1 of them accepted by waivers. The CI gate (fail on high) failed.",
        result.path("description").asText());
  }

  @Test
  void theSameInputsAtTheSameTimeGiveTheSameBytes() {
    String again = Assessments.of(Assessments.SITE, Assessments.PACK, Assessments.WAIVERS);

    assertEquals(site, again);
    assertNotEquals(site, Assessments.of(Assessments.SITE, Assessments.PACK), "without the waiver");
  }

  @Test
  void theBundledExampleIsValidOscal() throws IOException {
    String example = Assessments.of(Assessments.EXAMPLE, "iot-baseline");
    assertValid(example);

    JsonNode run = new ObjectMapper().readTree(example).path("assessment-results").path("results").get(0);
    assertEquals(29, run.path("local-definitions").path("inventory-items").size());
    long results = 0;
    for (JsonNode prop : run.path("props")) {
      if (prop.path("name").asText().startsWith("results-") && !prop.path("name").asText().equals("results-waived")) {
        results += prop.path("value").asLong();
      }
    }
    assertEquals(results, run.path("observations").size(), "an observation per result");
    JsonNode fail = find(run.path("observations"), "IDN-001 FAIL: device cam-yard-03");
    assertEquals(Map.of("outcome", "FAIL", "severity", "critical"), props(fail, "outcome", "severity"));
    assertTrue(StreamSupport.stream(run.path("findings").spliterator(), false)
            .filter(f -> f.path("target").path("target-id").asText().equals("g11"))
            .allMatch(f -> f.path("target").path("status").path("state").asText().equals("not-satisfied")
                && texts(f.path("related-observations"), "observation-uuid").contains(fail.path("uuid").asText())),
        "G11 is not satisfied, and the failure of cam-yard-03 is among its observations");
  }

  @Test
  void aRunWithNoResultObservesNothingAndAssessesNoRequirement() throws IOException {
    String empty = Assessments.of(Assessments.EMPTY, Assessments.PACK);
    assertValid(empty);

    JsonNode run = new ObjectMapper().readTree(empty).path("assessment-results").path("results").get(0);
    assertFalse(run.has("observations"));
    assertFalse(run.path("local-definitions").has("inventory-items"));
    assertEquals(10, run.path("findings").size());
    for (JsonNode finding : run.path("findings")) {
      assertEquals("not-satisfied not-assessed", finding.path("target").path("status").path("state").asText() + " "
          + finding.path("target").path("status").path("reason").asText(), finding.path("title").asText());
    }
  }

  @Test
  void aPackThatCitesNoRequirementOrControlHasNoFinding() throws IOException {
    String plain = Assessments.of(Assessments.SITE, Assessments.FIXTURES + "plain-pack.yaml");
    assertValid(plain);

    JsonNode run = new ObjectMapper().readTree(plain).path("assessment-results").path("results").get(0);
    assertFalse(run.has("findings"));
    assertEquals(3, run.path("observations").size());
    assertTrue(run.path("reviewed-controls").path("control-selections").get(0).has("include-all"));
  }

  private static void assertValid(String document) {
    assertEquals(List.of(), OscalValidation.problems(document, OscalModel.ASSESSMENT_RESULTS));
    assertEquals(List.of(), OscalValidation.danglingReferences(document));
  }

  private static JsonNode finding(String title) {
    return find(result.path("findings"), title);
  }

  private static JsonNode observation(String title) {
    return find(result.path("observations"), title);
  }

  private static String observationUuid(String title) {
    return observation(title).path("uuid").asText();
  }

  private static JsonNode inventoryItem(String uuid) {
    for (JsonNode item : result.path("local-definitions").path("inventory-items")) {
      if (item.path("uuid").asText().equals(uuid)) {
        return item;
      }
    }
    throw new AssertionError("no inventory item " + uuid);
  }

  private static JsonNode find(JsonNode array, String title) {
    for (JsonNode node : array) {
      if (node.path("title").asText().equals(title)) {
        return node;
      }
    }
    throw new AssertionError("nothing titled '" + title + "'");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  // The named props of a node, each in Rampart's namespace.
  private static Map<String, String> props(JsonNode node, String... names) {
    Map<String, String> props = new LinkedHashMap<>();
    for (JsonNode prop : node.path("props")) {
      for (String name : names) {
        if (prop.path("name").asText().equals(name)) {
          assertEquals(OscalJson.NAMESPACE, prop.path("ns").asText(), name);
          props.put(name, prop.path("value").asText());
        }
      }
    }
    return props;
  }
}
