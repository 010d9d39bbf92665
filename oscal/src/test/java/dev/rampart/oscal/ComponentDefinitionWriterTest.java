package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.oscal.OscalValidation.OscalModel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A pack as an OSCAL component definition: valid by NIST's own library, with each rule a statement
 * of each control it cites, the pack's parameters where those rules use them, and the same bytes on
 * every run.
 */
class ComponentDefinitionWriterTest {

  private static final Instant LAST_MODIFIED = Instant.parse("2026-12-01T08:30:00Z");
  private static final GuideCatalog GUIDE = GuideCatalog.builtIn();

  @Test
  void theBaselineIsAValidSelfContainedComponentDefinition() throws Exception {
    String json = write(baseline());
    assertEquals(List.of(), OscalValidation.problems(json, OscalModel.COMPONENT_DEFINITION));
    assertEquals(List.of(), OscalValidation.danglingReferences(json));
    JsonNode document = parse(json);
    controlImplementations(document).forEach(ci -> resource(document, ci.path("source").asText()));
  }

  @Test
  void theTailoredExampleIsAValidSelfContainedComponentDefinition() throws Exception {
    String json = write(tailored());
    assertEquals(List.of(), OscalValidation.problems(json, OscalModel.COMPONENT_DEFINITION));
    assertEquals(List.of(), OscalValidation.danglingReferences(json));
    JsonNode document = parse(json);
    controlImplementations(document).forEach(ci -> resource(document, ci.path("source").asText()));
  }

  @Test
  void thePackIsOneComponentWithItsIdAndVersion() throws Exception {
    JsonNode document = parse(write(baseline())).path("component-definition");
    assertEquals("2026-12-01T08:30:00Z", document.path("metadata").path("last-modified").asText());
    assertEquals("1.0.0", document.path("metadata").path("version").asText());
    assertEquals(1, document.path("components").size());
    JsonNode component = document.path("components").get(0);
    assertEquals("policy", component.path("type").asText());
    assertEquals("IoT deployment security baseline", component.path("title").asText());
    assertEquals(List.of("pack-id=iot-baseline", "pack-version=1.0.0", "rule-count=92"), props(component));
  }

  @Test
  void eachRuleIsAStatementOfEachControlItCitesUnderThatFramework() throws Exception {
    JsonNode requirement = implemented(parse(write(baseline())), "etsi-en-303-645", "_5.4-1");

    assertEquals("5.4-1 (sensitive security parameters in persistent storage are stored securely by the device)"
        + " is checked by rules PRC-001, PRC-003.", requirement.path("description").asText());
    assertEquals(List.of("cited-as=5.4-1"), props(requirement));
    JsonNode statement = requirement.path("statements").get(0);
    assertEquals("_5.4-1_smt.PRC-001", statement.path("statement-id").asText());
    assertEquals("""
        Rule PRC-001 (severity high, checks each device): Device has a hardware root of trust

        A hardware root of trust (TPM or secure element) anchors device identity and key storage in \
        tamper-resistant hardware, so keys cannot be lifted by reading flash or by compromising the OS.""",
        statement.path("description").asText());
    assertEquals(List.of("rule-id=PRC-001", "severity=high", "target=device", "category=procurement"),
        props(statement));
    assertEquals("_5.4-1_smt.PRC-003", requirement.path("statements").get(1).path("statement-id").asText());
  }

  @Test
  void theGuidesRequirementsComeFirstWithTheGuidesCatalogAsTheirSource() throws Exception {
    JsonNode document = parse(write(baseline()));
    JsonNode guide = controlImplementations(document).get(0);

    assertEquals(List.of("framework=guide"), props(guide));
    JsonNode source = resource(document, guide.path("source").asText());
    assertEquals("guide-catalog.json", source.path("rlinks").get(0).path("href").asText());
    assertEquals("application/oscal.catalog+json", source.path("rlinks").get(0).path("media-type").asText());
    assertEquals(44, guide.path("implemented-requirements").size());
    assertEquals("G01 (Hardware root of trust) is checked by rule PRC-001.",
        implemented(document, "guide", "g01").path("description").asText());
  }

  @Test
  void frameworksWithoutAnOscalCatalogPointAtTheirTextAndSp80053AtNistsCatalog() throws Exception {
    JsonNode document = parse(write(baseline()));

    assertEquals(List.of("guide", "etsi-en-303-645", "nistir-8259a", "nistir-8259b", "iec-62443-4-2",
            "owasp-iot-top10-2018", "nist-sp-800-53", "aws-iot-device-defender"),
        controlImplementations(document).stream()
            .map(ci -> props(ci).get(0).substring("framework=".length())).toList());
    assertEquals("https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/"
            + "NIST_SP-800-53_rev5_catalog.json", sourceLink(document, "nist-sp-800-53"));
    assertEquals("CM-4(1) (impact analyses, separate test environments) is checked by rule PAT-010.",
        implemented(document, "nist-sp-800-53", "cm-4.1").path("description").asText());
    assertEquals("https://webstore.iec.ch/publication/34421", sourceLink(document, "iec-62443-4-2"));
    assertEquals("https://www.etsi.org/deliver/etsi_en/303600_303699/303645/02.01.01_60/en_303645v020101p.pdf",
        sourceLink(document, "etsi-en-303-645"));
  }

  @Test
  void aControlSetsTheParametersItsRulesUseToThePacksValues() throws Exception {
    JsonNode requirement = implemented(parse(write(tailored())), "guide", "g13");

    List<String> set = new ArrayList<>();
    requirement.path("set-parameters").forEach(p -> set.add(p.path("param-id").asText() + "=" + p.path("values")));
    assertEquals(List.of("minEcKeySize=[\"256\"]", "minRsaKeySize=[\"3072\"]"), set);
    assertEquals("The pack's parameter minRsaKeySize (integer: smallest acceptable RSA key size of a device"
            + " certificate, in bits), used by IDN-007; override it with --param minRsaKeySize=VALUE.",
        requirement.path("set-parameters").get(1).path("remarks").asText());
    assertFalse(implemented(parse(write(tailored())), "guide", "g01").has("set-parameters"));
  }

  @Test
  void aTailoredPackNamesItsBaseItsDisabledRulesAndPlacesItsOwnRules() throws Exception {
    JsonNode document = parse(write(tailored()));
    JsonNode component = document.path("component-definition").path("components").get(0);

    assertEquals(List.of("pack-id=harbourside-site", "pack-version=1.0.0", "base-pack=iot-baseline",
        "base-pack-version=1.0.0", "rule-count=92", "disabled-rule=IDN-006"), props(component));
    assertEquals("Device authenticates with a certificate, not a static key or password: The legacy sensor line"
            + " authenticates with pre-shared keys by design (no PKI client on the sensors); compensating control"
            + " CC-12: the iot-field segment is isolated and its egress is allowlisted.",
        component.path("props").get(5).path("remarks").asText());
    JsonNode backup = implemented(document, "iec-62443-4-2", "cr-7.3");
    assertEquals(List.of("cr-7.3_smt.RES-004", "cr-7.3_smt.HBW-001"), statementIds(backup));
    assertEquals("P7D", backup.path("set-parameters").get(1).path("values").get(0).asText());
    assertEquals(List.of("g40_smt.RES-004", "g40_smt.HBW-001"), statementIds(implemented(document, "guide", "g40")));
    assertFalse(write(tailored()).contains("_smt.IDN-006\""), "a disabled rule implements nothing");
  }

  @Test
  void twoRunsWriteTheSameBytesWithNameBasedUuidsThatAreUnique() throws Exception {
    String first = write(tailored());
    String second = write(tailored());

    assertEquals(first, second);
    Matcher uuids = Pattern.compile("\"uuid\" : \"([0-9a-f-]{36})\"").matcher(first);
    Set<String> seen = new HashSet<>();
    while (uuids.find()) {
      assertEquals(5, UUID.fromString(uuids.group(1)).version());
      assertEquals(true, seen.add(uuids.group(1)), "uuid used twice: " + uuids.group(1));
    }
    assertEquals(true, seen.size() > 500, "uuids: " + seen.size());
  }

  @Test
  void aFrameworkThePackDoesNotLocateIsNamedByAUrn() throws Exception {
    RulePack pack = RulePacks.parse(pack("references: {site-policy: [SP-1]}"), "site.yaml");
    String json = write(pack);

    assertEquals(List.of(), OscalValidation.problems(json, OscalModel.COMPONENT_DEFINITION));
    assertEquals("urn:rampart:framework:site-policy", sourceLink(parse(json), "site-policy"));
    assertEquals("SP-1 is checked by rule R.",
        implemented(parse(json), "site-policy", "sp-1").path("description").asText());
  }

  @Test
  void twoSpellingsOfOneControlAreRefusedNamingBoth() throws Exception {
    RulePack pack = RulePacks.parse(pack("references: {site-policy: [SP 1, sp-1]}"), "site.yaml");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> write(pack));
    assertEquals("pack site cites controls 'SP 1' and 'sp-1' of site-policy, which are both the OSCAL control id"
        + " 'sp-1': OSCAL ids ignore case and punctuation, so cite one spelling of each control", refused.getMessage());
  }

  private static String pack(String references) {
    return """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: site, version: "2.0", title: Site}
        rules:
          - id: R
            title: Owner known
            category: operations
            severity: low
            target: device
            assert: {field: owner, exists: true}
            %s
        """.formatted(references);
  }

  private static RulePack baseline() throws Exception {
    return RulePacks.builtin("iot-baseline");
  }

  private static RulePack tailored() throws Exception {
    return RulePacks.load(Path.of("../examples/tailored-pack.yaml"));
  }

  private static String write(RulePack pack) throws IOException {
    StringWriter out = new StringWriter();
    ComponentDefinitionWriter.write(pack, GUIDE, LAST_MODIFIED, out);
    return out.toString();
  }

  private static JsonNode parse(String json) throws IOException {
    return new ObjectMapper().readTree(json);
  }

  private static List<JsonNode> controlImplementations(JsonNode document) {
    List<JsonNode> all = new ArrayList<>();
    document.path("component-definition").path("components").get(0).path("control-implementations").forEach(all::add);
    return all;
  }

  private static JsonNode controlImplementation(JsonNode document, String framework) {
    return controlImplementations(document).stream()
        .filter(ci -> props(ci).contains("framework=" + framework))
        .findFirst().orElseThrow(() -> new AssertionError("no control implementation of " + framework));
  }

  private static JsonNode implemented(JsonNode document, String framework, String controlId) {
    for (JsonNode requirement : controlImplementation(document, framework).path("implemented-requirements")) {
      if (requirement.path("control-id").asText().equals(controlId)) {
        return requirement;
      }
    }
    throw new AssertionError("no control " + controlId + " under " + framework);
  }

  private static JsonNode resource(JsonNode document, String reference) {
    for (JsonNode resource : document.path("component-definition").path("back-matter").path("resources")) {
      if (("#" + resource.path("uuid").asText()).equals(reference)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + reference);
  }

  private static String sourceLink(JsonNode document, String framework) {
    return resource(document, controlImplementation(document, framework).path("source").asText())
        .path("rlinks").get(0).path("href").asText();
  }

  private static List<String> statementIds(JsonNode requirement) {
    List<String> ids = new ArrayList<>();
    requirement.path("statements").forEach(s -> ids.add(s.path("statement-id").asText()));
    return ids;
  }

  private static List<String> props(JsonNode node) {
    List<String> props = new ArrayList<>();
    node.path("props").forEach(p -> props.add(p.path("name").asText() + "=" + p.path("value").asText()));
    return props;
  }
}
