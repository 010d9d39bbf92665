package dev.rampart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.FactKey;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Origin;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF report: valid against the OASIS schema for every kind of result, the outcome mapping,
 * rule descriptors for every rule, locations and fingerprints; and what GitHub code scanning
 * requires beyond the schema.
 */
class SarifReportTest {

  private static final String FIXTURES = Evaluations.FIXTURES;
  private static final String PACK = Evaluations.PACK;
  private static final String HOSTILE_PACK = Evaluations.HOSTILE_PACK;
  private static final String SITE = Evaluations.SITE;
  private static final String COMPLIANT = Evaluations.COMPLIANT;
  private static final String HOSTILE = Evaluations.HOSTILE;
  /** Stands for the working directory's URI in the expected log, which differs between checkouts. */
  private static final String WORKING_DIRECTORY = "file:///WORKING-DIRECTORY/";

  @TempDir Path dir;

  @Nested
  class WholeLogs {

    @Test
    void siteFindingsGiveTheExpectedLog() throws IOException {
      String log = evaluate(SITE, PACK);

      assertEquals(Files.readString(Path.of(FIXTURES, "expected", "site.sarif"), StandardCharsets.UTF_8),
          log.replace(Path.of("").toAbsolutePath().toUri().toString(), WORKING_DIRECTORY));
    }

    @Test
    void isValidAgainstTheOasisSchema() throws IOException {
      assertEquals(List.of(), SarifSchema.problems(evaluate(SITE, PACK)));
    }

    @Test
    void isValidWithErrorsAndMarkupInEveryText() throws IOException {
      String log = evaluate(HOSTILE, HOSTILE_PACK);

      assertEquals(List.of(), SarifSchema.problems(log));
      assertTrue(log.contains("\"ruleId\" : \"HOS-002\""), log);
    }

    @Test
    void isValidWithoutFindings() throws IOException {
      String log = evaluate(COMPLIANT, PACK);

      assertEquals(List.of(), SarifSchema.problems(log));
      assertEquals(0, SarifSchema.parse(log).at("/runs/0/results").size());
    }

    @Test
    void aWaiverNotAppliedIsInTheResultsPropertiesWithTheSourceAndTheFix() {
      Evaluations.Run run = Evaluations.waiverTrust("inventory-only.yaml");
      String sarif = run.write(SarifReport.of(run.rules()));

      assertTrue(run.evaluation().gate().failed(run.evaluation().report()), "the FAIL still fails the gate");
      assertEquals(List.of(), SarifSchema.problems(sarif));
      JsonNode result = SarifSchema.parse(sarif).at("/runs/0/results/0");
      assertTrue(result.path("suppressions").isMissingNode(), "the FAIL is not suppressed");
      assertEquals("""
          [{"rule":"TRU-001","location":"src/test/resources/waivers/trust/inventory-only.yaml:5:5",\
          "field":"attributes.env","source":"azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3",\
          "trustedSources":["inventory"],\
          "reason":"attributes.env came from azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3, \
          which this waiver does not trust (add azure-iot-hub to its trustedSources)"}]""",
          result.at("/properties/waiversNotApplied").toString());
    }

    @Test
    void isValidForTheBuiltInPack() throws IOException {
      String log = evaluate(SITE, "iot-baseline");

      assertEquals(List.of(), SarifSchema.problems(log));
      JsonNode rules = SarifSchema.parse(log).at("/runs/0/tool/driver/rules");
      assertTrue(rules.size() >= 70, () -> rules.size() + " rules");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
      assertEquals(evaluate(SITE, PACK), evaluate(SITE, PACK));
    }

    private String evaluate(String inventory, String pack) {
      Evaluations.Run run = Evaluations.of(inventory, pack);
      return run.write(SarifReport.of(run.rules()));
    }
  }

  @Nested
  class Outcomes {

    @Test
    void aFailIsKindFailWithTheLevelOfItsSeverity() {
      JsonNode result = result(SITE, PACK, "TST-001", "cam-01");

      assertEquals("fail", result.get("kind").asText());
      assertEquals("error", result.get("level").asText());
      assertEquals("cam-01 still accepts its factory default password."
              + " Evidence: credentials.defaultPassword = true (expected equals false).",
          result.at("/message/text").asText());
    }

    @Test
    void anUnknownIsKindOpenAtLevelNone() {
      JsonNode result = result(SITE, PACK, "TST-002", "cam-03");

      assertEquals("open", result.get("kind").asText());
      assertEquals("none", result.get("level").asText());
      assertEquals("UNKNOWN", result.at("/properties/outcome").asText());
    }

    @Test
    void anErrorIsKindReviewAtLevelNoneAndAnErrorNotification() {
      JsonNode log = log(HOSTILE, HOSTILE_PACK);
      JsonNode result = find(log.at("/runs/0/results"), "HOS-002", "cam \"quoted\" & 'apostrophe' ]]> \u0001bell");

      assertEquals("review", result.get("kind").asText());
      assertEquals("none", result.get("level").asText());
      JsonNode notification = log.at("/runs/0/invocations/0/toolExecutionNotifications/0");
      assertEquals("error", notification.get("level").asText());
      assertEquals("HOS-002", notification.at("/associatedRule/id").asText());
      assertEquals(1, notification.at("/associatedRule/index").asInt());
      assertTrue(notification.at("/message/text").asText().contains("cannot order A7 against 3"), notification::toString);
      assertTrue(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
    }

    @Test
    void passAndNotApplicableResultsAreLeftOut() {
      JsonNode results = log(SITE, PACK).at("/runs/0/results");

      assertEquals(5, results.size());
      for (JsonNode result : results) {
        assertTrue(List.of("FAIL", "UNKNOWN").contains(result.at("/properties/outcome").asText()), result::toString);
      }
    }

    @Test
    void levelsFollowSeverity() {
      assertEquals("error", SarifReport.level(Severity.CRITICAL));
      assertEquals("error", SarifReport.level(Severity.HIGH));
      assertEquals("warning", SarifReport.level(Severity.MEDIUM));
      assertEquals("note", SarifReport.level(Severity.LOW));
      assertEquals("note", SarifReport.level(Severity.INFO));
    }

    @Test
    void securitySeveritiesAreTextForGitHub() {
      assertEquals("9.5", SarifReport.securitySeverity(Severity.CRITICAL));
      assertEquals("8.0", SarifReport.securitySeverity(Severity.HIGH));
      assertEquals("5.5", SarifReport.securitySeverity(Severity.MEDIUM));
      assertEquals("3.0", SarifReport.securitySeverity(Severity.LOW));
      assertEquals("1.0", SarifReport.securitySeverity(Severity.INFO));
    }

    @Test
    void everyOutcomeHasAKindTheSchemaKnows() {
      for (Outcome outcome : Outcome.values()) {
        assertTrue(List.of("notApplicable", "pass", "fail", "review", "open", "informational")
            .contains(SarifReport.kind(outcome)), outcome::name);
      }
    }
  }

  @Nested
  class Rules {

    @Test
    void everyRuleOfThePacksIsDescribedEvenWithoutResults() {
      JsonNode rules = log(HOSTILE, HOSTILE_PACK).at("/runs/0/tool/driver/rules");

      assertEquals(List.of("HOS-001", "HOS-002", "HOS-003"), ids(rules));
      assertEquals("IncidentResponsePlan", rules.get(2).get("name").asText());
    }

    @Test
    void aDescriptorCarriesTitleRemediationLevelTagsAndScore() {
      JsonNode rule = log(SITE, PACK).at("/runs/0/tool/driver/rules/0");

      assertEquals("TST-001", rule.get("id").asText());
      assertEquals("NoDefaultPassword", rule.get("name").asText());
      assertEquals("No default password", rule.at("/shortDescription/text").asText());
      assertEquals("error", rule.at("/defaultConfiguration/level").asText());
      assertTrue(rule.at("/help/text").asText().startsWith("Set a unique password on every device."));
      assertTrue(rule.at("/help/markdown").asText().startsWith("**Remediation:** Set a unique password"));
      assertEquals(List.of("security", "identity", "etsi-en-303-645:5.1-1", "etsi-en-303-645:5.1-2", "G11"),
          texts(rule.at("/properties/tags")));
      assertEquals("9.5", rule.at("/properties/security-severity").asText());
      assertTrue(rule.at("/properties/security-severity").isTextual());
      assertEquals("very-high", rule.at("/properties/precision").asText());
    }

    @Test
    void resultsPointAtTheirRuleByIdAndIndex() {
      JsonNode run = log(SITE, PACK).at("/runs/0");

      for (JsonNode result : run.get("results")) {
        JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
        assertEquals(rule.get("id").asText(), result.get("ruleId").asText());
      }
    }

    @Test
    void aBacktickInAReferenceCannotBreakOutOfItsCodeSpan() {
      assertEquals("`etsi:5.1-1`", SarifReport.codeSpan("etsi:5.1-1"));
      assertEquals("``x` [click](https://evil.example) `y``",
          SarifReport.codeSpan("x` [click](https://evil.example) `y"));
      assertEquals("```a``b ```", SarifReport.codeSpan("a``b "), "a longer run takes a longer fence");
      assertEquals("`` `x ``", SarifReport.codeSpan("`x"), "a backtick at an end is padded off the fence");
      assertEquals("`a # Heading`", SarifReport.codeSpan("a\n# Heading"), "a line break cannot start a block");
    }

    @Test
    void aHostileReferenceStaysTextInTheHelpMarkdown() throws IOException {
      Path pack = Files.writeString(dir.resolve("pack.yaml"), """
          apiVersion: rampart.dev/v1
          kind: RulePack
          metadata: {id: refs, version: "1.0", title: Refs}
          rules:
            - id: REF-001
              title: T
              category: identity
              severity: high
              target: device
              assert: {field: name, exists: true}
              references: {nist: ["AC-1` [click](https://evil.example) `"]}
              requirements: ["[x](https://evil.example)"]
          """);

      JsonNode rule = log(SITE, pack.toString()).at("/runs/0/tool/driver/rules/0");

      assertEquals("_The pack gives no remediation for this rule._\n\n"
          + "**References:** `` nist:AC-1` [click](https://evil.example) ` ``\n\n"
          + "**Requirements:** \\[x\\]\\(https://evil.example\\)", rule.at("/help/markdown").asText());
    }

    @Test
    void namesArePascalCaseTitlesOrElseIds() {
      assertEquals("NoDefaultPassword", SarifReport.name(rule("IDN-001", "No default password")));
      assertEquals("TLSOnMQTTPort8883", SarifReport.name(rule("NET-004", "TLS on MQTT (port 8883)")));
      assertEquals("NET004", SarifReport.name(rule("NET-004", "8883 only")));
      assertEquals("NET004", SarifReport.name(rule("NET-004", "???")));
    }

    @Test
    void aRuleIdTwoPacksShareIsQualifiedWithThePack() throws Exception {
      String other = Files.readString(Path.of(PACK)).replace("id: cli-test", "id: cli-other");
      Report report = ComplianceEngine.builder()
          .pack(RulePacks.load(Path.of(PACK)))
          .pack(RulePacks.parse(other, "other.yaml"))
          .build()
          .evaluate(List.of(Device.builder("cam-9").credentials(new Credentials(true, null, null, null, null, null)).build()));
      List<Rule> rules = new ArrayList<>();
      report.results().forEach(result -> rules.add(result.rule()));

      JsonNode log = SarifSchema.parse(write(SarifReport.of(rules), evaluation(report, Map.of())));

      assertTrue(ids(log.at("/runs/0/tool/driver/rules")).containsAll(List.of("cli-test/TST-001", "cli-other/TST-001")));
    }
  }

  @Nested
  class ForGitHubCodeScanning {

    @Test
    void everyLogMeetsWhatGitHubRequires() {
      for (String[] inputs : List.of(new String[] {SITE, PACK}, new String[] {HOSTILE, HOSTILE_PACK},
          new String[] {COMPLIANT, PACK}, new String[] {SITE, "iot-baseline"})) {
        Evaluations.Run run = Evaluations.of(inputs[0], inputs[1]);
        assertEquals(List.of(), GitHubCodeScanning.problems(run.write(SarifReport.of(run.rules()))), inputs[1]);
      }
    }

    @Test
    void everyRuleOfTheBuiltInPackIsASecurityRuleWithAScore() {
      JsonNode rules = log(SITE, "iot-baseline").at("/runs/0/tool/driver/rules");

      for (JsonNode rule : rules) {
        assertEquals("security", rule.at("/properties/tags/0").asText(), rule.get("id").asText());
        assertTrue(rule.at("/properties/security-severity").isTextual(), rule.get("id").asText());
      }
    }

    @Test
    void theRunIsCategorisedByItsPacksAndItsInputs() {
      assertEquals("rampart/cli-test/src/test/resources/inventories/site.yaml/",
          log(SITE, PACK).at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void anInputGivenByAbsolutePathInTheWorkingDirectoryIsNamedRelativeToIt() throws Exception {
      Report report = evaluate(List.of("cam-1"));
      Evaluation evaluation = new Evaluation(report,
          List.of(Path.of(SITE).toAbsolutePath().toString(), "nmap:scans/a b.xml"), Map.of(),
          Gate.atLeast(Severity.HIGH), "1.4.0");

      assertEquals("rampart/cli-test/src/test/resources/inventories/site.yaml+nmap:scans/a b.xml/",
          SarifReport.of(List.of()).automationId(evaluation));
    }

    @Test
    void aGivenCategoryStandsForTheInputsAndEndsInTheSlashThatLeavesNoRunId() throws Exception {
      Evaluation evaluation = evaluation(evaluate(List.of("cam-1")), Map.of());

      assertEquals("rampart/cli-test/cams.yaml/", SarifReport.of(List.of()).automationId(evaluation));
      assertEquals("rampart/cli-test/site-a/", SarifReport.of(List.of()).withCategory("site-a").automationId(evaluation));
      assertEquals("rampart/cli-test/eu/site-a/",
          SarifReport.of(List.of()).withCategory(" /eu/site-a/ ").automationId(evaluation));
    }

    @Test
    void aBlankCategoryIsRefused() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SarifReport.of(List.of()).withCategory(" / "));

      assertEquals("the SARIF category ' / ' is empty; give the site or part of the estate the run covers, e.g. site-a",
          e.getMessage());
    }

    @Test
    void aRuleKeepsTwentyTagsSecurityAndItsCategoryFirstAndAFullDescriptionGitHubShowsWhole() throws IOException {
      StringBuilder references = new StringBuilder();
      for (int i = 1; i <= 30; i++) {
        references.append(i == 1 ? "" : ", ").append('"').append("C-").append(i).append('"');
      }
      String rationale = "Why. ".repeat(300).strip();
      Path pack = Files.writeString(dir.resolve("pack.yaml"), """
          apiVersion: rampart.dev/v1
          kind: RulePack
          metadata: {id: many, version: "1.0", title: Many}
          rules:
            - id: MNY-001
              title: T
              category: identity
              severity: high
              target: device
              assert: {field: name, exists: true}
              rationale: "%s"
              references: {nist: [%s]}
          """.formatted(rationale, references));

      String log = Evaluations.of(SITE, pack.toString()).write(SarifReport.of(Evaluations.of(SITE, pack.toString()).rules()));
      JsonNode rule = SarifSchema.parse(log).at("/runs/0/tool/driver/rules/0");

      assertEquals(List.of(), GitHubCodeScanning.problems(log));
      List<String> tags = texts(rule.at("/properties/tags"));
      assertEquals(20, tags.size());
      assertEquals(List.of("security", "identity", "nist:C-1"), tags.subList(0, 3));
      String full = rule.at("/fullDescription/text").asText();
      assertEquals(1000, full.length());
      assertEquals(rationale.substring(0, 999) + "\u2026", full);
      assertTrue(rule.at("/help/markdown").asText().contains(rationale.substring(900)), "the help has it whole");
      assertTrue(rule.at("/help/markdown").asText().contains("nist:C-30"), "the help has every reference");
    }
  }

  @Nested
  class Locations {

    @Test
    void anInventoryInTheWorkingDirectoryIsRelativeToSrcroot() {
      JsonNode location = result(SITE, PACK, "TST-001", "cam-01").at("/locations/0");

      assertEquals("src/test/resources/inventories/site.yaml", location.at("/physicalLocation/artifactLocation/uri").asText());
      assertEquals("%SRCROOT%", location.at("/physicalLocation/artifactLocation/uriBaseId").asText());
      assertEquals(10, location.at("/physicalLocation/region/startLine").asInt());
      assertEquals(5, location.at("/physicalLocation/region/startColumn").asInt());
      assertEquals("device/cam-01", location.at("/logicalLocations/0/fullyQualifiedName").asText());
      assertEquals("resource", location.at("/logicalLocations/0/kind").asText());
    }

    @Test
    void srcrootIsTheWorkingDirectory() {
      JsonNode root = log(SITE, PACK).at("/runs/0/originalUriBaseIds/%SRCROOT%/uri");

      assertEquals(Path.of("").toAbsolutePath().toUri().toString(), root.asText());
      assertTrue(root.asText().endsWith("/"));
    }

    @Test
    void pathsAreEncodedAndThoseOutsideTheWorkingDirectoryAreAbsolute() throws Exception {
      Path workingDirectory = dir.resolve("work");
      Map<FactKey, Origin> origins = Map.of(
          new FactKey(FactType.DEVICE, "inside"), new Origin("inventory", "sites/north wing/cams.yaml", 3, 5),
          new FactKey(FactType.DEVICE, "outside"), new Origin("inventory", dir.resolve("elsewhere.yaml").toString(), 7, 1),
          new FactKey(FactType.DEVICE, "api"), Origin.of("rest", "https://cmdb.example/devices/api"));
      Report report = evaluate(List.of("inside", "outside", "api", "nowhere"));

      String text = write(SarifReport.of(List.of(), workingDirectory), evaluation(report, origins));
      JsonNode results = SarifSchema.parse(text).at("/runs/0/results");

      assertEquals(List.of(), SarifSchema.problems(text));
      JsonNode inside = find(results, "TST-001", "inside").at("/locations/0/physicalLocation/artifactLocation");
      assertEquals("sites/north%20wing/cams.yaml", inside.get("uri").asText());
      assertEquals("%SRCROOT%", inside.get("uriBaseId").asText());
      JsonNode outside = find(results, "TST-001", "outside").at("/locations/0/physicalLocation/artifactLocation");
      assertEquals(dir.resolve("elsewhere.yaml").toUri().toString(), outside.get("uri").asText());
      assertNull(outside.get("uriBaseId"));
      JsonNode api = find(results, "TST-001", "api").at("/locations/0/physicalLocation");
      assertEquals("https://cmdb.example/devices/api", api.at("/artifactLocation/uri").asText());
      assertTrue(api.get("region") == null, "an origin without lines has no region");
      JsonNode nowhere = find(results, "TST-001", "nowhere").at("/locations/0");
      assertNull(nowhere.get("physicalLocation"));
      assertEquals("device/nowhere", nowhere.at("/logicalLocations/0/fullyQualifiedName").asText());
    }
  }

  @Nested
  class Fingerprints {

    @Test
    void areTheSameForTheSameRuleAndFactWhateverTheMessage() throws Exception {
      String first = fingerprint(SITE, "TST-002", "cam-02");
      String again = fingerprint(SITE, "TST-002", "cam-02");

      assertEquals(first, again);
      assertEquals(64, first.length());
    }

    @Test
    void differForAnotherFactOrRule() {
      assertNotEquals(fingerprint(SITE, "TST-002", "cam-02"), fingerprint(SITE, "TST-002", "cam-03"));
      assertNotEquals(fingerprint(SITE, "TST-002", "cam-02"), fingerprint(SITE, "TST-003", "cam-02"));
    }

    private String fingerprint(String inventory, String ruleId, String factId) {
      return result(inventory, PACK, ruleId, factId).at("/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1"))
          .asText();
    }
  }

  @Test
  void semanticVersionIsGivenOnlyForSemVer() {
    assertEquals("0.1.0-SNAPSHOT", SarifReport.semanticVersion("0.1.0-SNAPSHOT"));
    assertEquals("1.2.3", SarifReport.semanticVersion("1.2.3"));
    assertNull(SarifReport.semanticVersion("dev"));
    assertNull(SarifReport.semanticVersion("1.2"));
    assertFalse(log(SITE, PACK).at("/runs/0/tool/driver").has("semanticVersion"), "rampart runs as 'dev' in tests");
  }

  private JsonNode result(String inventory, String pack, String ruleId, String factId) {
    return find(log(inventory, pack).at("/runs/0/results"), ruleId, factId);
  }

  private static JsonNode find(JsonNode results, String ruleId, String factId) {
    for (JsonNode result : results) {
      if (result.get("ruleId").asText().equals(ruleId) && result.at("/properties/factId").asText().equals(factId)) {
        return result;
      }
    }
    throw new AssertionError("no result of " + ruleId + " for " + factId + " in " + results);
  }

  private JsonNode log(String inventory, String pack) {
    Evaluations.Run run = Evaluations.of(inventory, pack);
    return SarifSchema.parse(run.write(SarifReport.of(run.rules())));
  }

  private static List<String> ids(JsonNode rules) {
    List<String> ids = new ArrayList<>();
    rules.forEach(rule -> ids.add(rule.get("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static Rule rule(String id, String title) {
    return new Rule("p", id, title, "", Category.IDENTITY, Severity.HIGH, FactType.DEVICE, "", List.of(), Map.of());
  }

  private static Report evaluate(List<String> deviceIds) throws Exception {
    List<Device> devices = deviceIds.stream()
        .map(id -> Device.builder(id).credentials(new Credentials(true, null, null, null, null, null)).build())
        .toList();
    return ComplianceEngine.builder()
        .pack(RulePacks.load(Path.of(PACK)))
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build()
        .evaluate(devices);
  }

  private static Evaluation evaluation(Report report, Map<FactKey, Origin> origins) {
    return new Evaluation(report, List.of("cams.yaml"), origins, Gate.atLeast(Severity.HIGH), "1.4.0");
  }

  private static String write(ReportWriter writer, Evaluation evaluation) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(evaluation, out);
    return out.toString();
  }
}
