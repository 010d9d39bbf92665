package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A record the real inventory source cannot read, end to end: cameras.yaml lists three cameras and
 * cam-02's MAC address is one pair short. By default the source fails naming the record (exit 2);
 * with --allow-partial, or the source option partial=true, cam-01 and cam-03 are evaluated, cam-02
 * has every rule UNKNOWN, and every report and standard error list the skipped record.
 */
class EvaluatePartialRecordsTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String CAMERAS = FIXTURES + "partial-records/cameras.yaml";
  private static final String LOBBY = FIXTURES + "partial-records/lobby.yaml";
  private static final String HOSTILE = FIXTURES + "partial-records/hostile.yaml";
  private static final String NOW = "2026-11-25";
  private static final String PROBLEM = CAMERAS + ":8:17: devices[1] (id 'cam-02').macAddress: \"00:1a:2b:3c:4d\""
      + " is not a MAC address (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e"
      + " (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))";
  private static final String WARNING = "rampart: warning: skipped device 'cam-02' (--allow-partial), its rules"
      + " UNKNOWN: " + PROBLEM + "\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Nested
  class ByDefault {

    @Test
    void theSourceFailsNamingTheRecordItsValueAndTheFix() {
      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW);

      assertEquals(2, run.exitCode());
      assertEquals(PROBLEM + "\n"
          + "inventory:" + CAMERAS + ": 1 record could not be read (fix it, or pass --allow-partial or the source"
          + " option partial=true to evaluate the others, with the rules of the skipped ones UNKNOWN)\n", run.err());
      assertEquals("", run.out(), "no report of a source that failed");
    }

    @Test
    void theSourceOptionPartialFalseKeepsItStrict() {
      CliRun run = CliRun.of("evaluate", "--source", "inventory:" + CAMERAS, "--source-option", "partial=false",
          "--pack", PACK, "--now", NOW);

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith(PROBLEM + "\n"), run.err());
    }
  }

  @Nested
  class AllowPartial {

    @Test
    void theOtherRecordsAreEvaluatedAndStandardErrorNamesTheSkippedOne() {
      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial");

      assertEquals(0, run.exitCode(), "cam-02's rules are UNKNOWN and cam-03's FAIL is medium: the gate (high)"
          + " passes\n" + run.err() + run.out());
      assertEquals(WARNING, run.err());
    }

    @Test
    void theSkippedDevicesRulesAreUnknownAndFailTheGateWithFailOnUnknown() {
      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--fail-on-unknown");

      assertEquals(1, run.exitCode(), run.out());
      assertTrue(run.out().contains("""
            UNKNOWN  TST-001  device/cam-02  device 'cam-02' could not be read, so no rule can judge it:
                     %s:8:17: devices[1] (id
                     'cam-02').macAddress: "00:1a:2b:3c:4d" is not a MAC address (write six pairs of hex
                     digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))
                     at %s:7:5
          """.formatted(CAMERAS, CAMERAS)), "its default password is unknown, not taken from the bad entry: " + run.out());
    }

    @Test
    void theTextReportListsTheRecordAndCountsItInTheSummary() {
      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial");

      assertTrue(run.out().contains("""
          Records skipped (1, --allow-partial)
            device 'cam-02'  inventory:%s:7:5
          """.formatted(CAMERAS)), run.out());
      assertTrue(run.out().contains("  Sources   1 record skipped (--allow-partial)\n"), run.out());
    }

    @Test
    void theJsonReportListsTheRecordAndTheSkippedDevicesUnknownResults() throws IOException {
      Path json = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--format", "json:" + json);

      assertEquals(0, run.exitCode(), run.err());
      JsonNode report = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
      assertEquals("""
          [{"source":"inventory","location":"%s","line":7,"column":5,"factType":"device","factId":"cam-02",\
          "problems":[%s]}]""".formatted(CAMERAS, JSON.writeValueAsString(PROBLEM)),
          report.at("/summary/skippedRecords").toString());
      // nothing of the bad entry was taken: neither its default password nor its firmware
      assertEquals("UNKNOWN", outcome(report, "TST-001", "cam-02"));
      assertEquals("UNKNOWN", outcome(report, "TST-002", "cam-02"));
      assertEquals("UNKNOWN", outcome(report, "TST-004", "cam-02"));
      assertEquals("UNKNOWN", outcome(report, "TST-003", "cam-02"),
          "its owner is not known to be missing: nobody could read its entry");
      assertEquals("FAIL", outcome(report, "TST-004", "cam-03"), "the good records are evaluated as ever");
      assertEquals("PASS", outcome(report, "TST-001", "cam-01"));
    }

    @Test
    void theSarifLogHasAnErrorNotificationAtTheRecordAndIsNotSuccessful() throws IOException {
      Path sarif = dir.resolve("report.sarif");

      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--format", "sarif:" + sarif);

      assertEquals(0, run.exitCode(), run.err());
      JsonNode invocation = JSON.readTree(sarif.toFile()).at("/runs/0/invocations/0");
      assertFalse(invocation.get("executionSuccessful").asBoolean(true));
      JsonNode notification = invocation.at("/toolExecutionNotifications/0");
      assertEquals("error", notification.get("level").asText());
      assertEquals("""
          {"artifactLocation":{"uri":"%s","uriBaseId":"%%SRCROOT%%"},"region":{"startLine":7,"startColumn":5}}"""
          .formatted(CAMERAS), notification.at("/locations/0/physicalLocation").toString());
      assertEquals("Skipped device 'cam-02' (--allow-partial), its rules UNKNOWN: " + PROBLEM,
          notification.at("/message/text").asText());
    }

    @Test
    void theJunitReportHasAnErrorTestCaseForTheRecord() throws Exception {
      Path junit = dir.resolve("report.xml");

      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--format", "junit:" + junit);

      assertEquals(0, run.exitCode(), run.err());
      Document xml = parse(Files.readString(junit, StandardCharsets.UTF_8));
      Element error = (Element) xml.getElementsByTagName("error").item(0);
      Element testcase = (Element) error.getParentNode();
      assertEquals("device 'cam-02' at inventory:" + CAMERAS + ":7:5 skipped", testcase.getAttribute("name"));
      assertEquals("sources", ((Element) testcase.getParentNode()).getAttribute("name"));
      assertEquals(PROBLEM, error.getAttribute("message"));
      assertEquals("1", xml.getDocumentElement().getAttribute("errors"));
    }

    @Test
    void theHtmlReportListsTheRecord() throws IOException {
      Path html = dir.resolve("report.html");

      CliRun run = CliRun.of("evaluate", CAMERAS, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--format", "html:" + html);

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains(
          "<li>Record skipped (--allow-partial): <span class=\"mono\">device &#39;cam-02&#39;</span> at <span"
              + " class=\"mono\">inventory:" + CAMERAS + ":7:5</span>: "), html.toString());
    }

    @Test
    void aValueOfMarkupStaysTextInEveryReport() throws Exception {
      Path html = dir.resolve("report.html");
      Path junit = dir.resolve("report.xml");
      Path sarif = dir.resolve("report.sarif");

      CliRun run = CliRun.of("evaluate", HOSTILE, "--pack", PACK, "--now", NOW, "--allow-partial",
          "--format", "html:" + html, "--format", "junit:" + junit, "--format", "sarif:" + sarif);

      assertEquals(0, run.exitCode(), run.err());
      String page = Files.readString(html, StandardCharsets.UTF_8);
      assertFalse(page.contains("<script>alert(2)"), page);
      assertFalse(page.contains("<img src=x"), page);
      assertTrue(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), page);
      assertTrue(parse(Files.readString(junit, StandardCharsets.UTF_8)).getElementsByTagName("error").item(0)
          .getTextContent().contains("<script>alert(2)</script>"), "XML carries it as text");
      assertTrue(JSON.readTree(sarif.toFile()).at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text")
          .asText().contains("<script>alert(2)</script>"));
    }
  }

  @Nested
  class PerSource {

    @Test
    void partialTrueSkipsTheRecordWithoutAllowPartial() {
      CliRun run = CliRun.of("evaluate", "--source", "inventory:" + CAMERAS, "--source-option", "partial=true",
          "--pack", PACK, "--now", NOW);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(WARNING, run.err());
      assertTrue(run.out().contains("Records skipped (1, --allow-partial)"), run.out());
    }

    @Test
    void partialFalseWithAllowPartialLeavesTheSourceOut() throws IOException {
      Path json = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", LOBBY, "--source", "inventory:" + CAMERAS, "--source-option", "partial=false",
          "--allow-partial", "--pack", PACK, "--now", NOW, "--format", "json:" + json);

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("rampart: warning: inventory:" + CAMERAS + " could not be read; evaluating"
          + " without it (--allow-partial):\n  " + PROBLEM + "\n"), run.err());
      JsonNode report = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
      assertEquals("inventory:" + CAMERAS, report.at("/summary/failedSources/0/source").asText());
      assertEquals("[]", report.at("/summary/skippedRecords").toString());
      assertEquals(1, report.at("/summary/facts/device").asInt(), "cam-09 alone");
    }
  }

  @Nested
  class SourceWarnings {

    @Test
    void aSourceReadInPartIsListedInTheReportsAsAWarning() throws IOException {
      Path json = dir.resolve("report.json");
      Path sarif = dir.resolve("report.sarif");

      CliRun run = CliRun.of("evaluate", LOBBY, "--source", "partly:cam-10", "--pack", PACK, "--now", NOW,
          "--format", "text", "--format", "json:" + json, "--format", "sarif:" + sarif);

      String warning = "partly:cam-10: device 'cam-10': its services were refused; they stay unknown, so the rules"
          + " over them are UNKNOWN (allow the reader to list services)";
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("rampart: warning: " + warning + "\n", run.err());
      assertTrue(run.out().contains("\nSource warnings (1)\n"), run.out());
      assertEquals(JSON.writeValueAsString(List.of(warning)),
          JSON.readTree(Files.readString(json, StandardCharsets.UTF_8)).at("/summary/warnings").toString());
      JsonNode invocation = JSON.readTree(sarif.toFile()).at("/runs/0/invocations/0");
      assertEquals("""
          [{"level":"warning","message":{"text":%s},"properties":{"kind":"sourceWarning"}}]"""
          .formatted(JSON.writeValueAsString(warning)), invocation.get("toolExecutionNotifications").toString());
      assertTrue(invocation.get("executionSuccessful").asBoolean(false), "every record was read");
    }
  }

  @Nested
  class Explain {

    @Test
    void warnsOfTheSkippedRecordAndExplainsItsUnknownResult() {
      CliRun run = CliRun.of("explain", "--rule", "TST-001", "--fact", "cam-02", CAMERAS, "--pack", PACK,
          "--now", NOW, "--allow-partial");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(WARNING, run.err());
      assertTrue(run.out().contains("result:  UNKNOWN\n"), run.out());
    }

    @Test
    void failsNamingTheRecordWithoutAllowPartial() {
      CliRun run = CliRun.of("explain", "--rule", "TST-001", "--fact", "cam-01", CAMERAS, "--pack", PACK,
          "--now", NOW);

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith(PROBLEM + "\n"), run.err());
    }
  }

  private static String outcome(JsonNode report, String ruleId, String factId) {
    for (JsonNode result : report.get("results")) {
      if (result.get("ruleId").asText().equals(ruleId) && result.get("factId").asText().equals(factId)) {
        return result.get("outcome").asText();
      }
    }
    throw new AssertionError("no result of " + ruleId + " for " + factId);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
