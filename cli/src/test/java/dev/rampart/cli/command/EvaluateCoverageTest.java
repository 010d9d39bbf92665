package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assessment coverage: a run that lacks whole kinds of facts (a lone nmap scan has devices only) says
 * in every report, and on standard error, which rules it could not assess and why, and which guide
 * requirements that leaves unassessed; with {@code --fail-on-unknown} such a rule at or above the
 * threshold fails the gate.
 */
class EvaluateCoverageTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String SCAN = "nmap:" + FIXTURES + "merge/scan.xml";
  private static final String PACK = FIXTURES + "packs/coverage-pack.yaml";
  private static final String COMPLIANT = FIXTURES + "inventories/compliant.yaml";
  private static final String NOW = "2026-11-25";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The built-in pack over the recorded nmap scan of two cameras, and nothing else. */
  @Nested
  class LoneScanner {

    @Test
    void theTextReportListsTheRulesNotAssessedByReasonAndTheRequirementsLeftOut() {
      CliRun run = CliRun.of("evaluate", "--source", SCAN, "--now", NOW);

      assertEquals(1, run.exitCode(), run.err()); // the scan shows telnet: FAIL results fail the gate
      assertEquals("""
          Not assessed (24 rules)
            no vendor facts supplied (add a 'vendors' section to the inventory)
              PRC-010  medium: Vendor publishes a software bill of materials
              PRC-011  medium: Vendor has a supply-chain security policy
              PRC-012  medium: Vendor runs a vulnerability disclosure program
              OPS-005  medium: Third-party platform is bound by contractual security commitments
            no deployment fact supplied (add a 'deployment' section to the inventory)
              IDN-025  high: No CA certificate that is revoked is still active in a device registry
              IDN-026  medium: No active CA certificate of a device registry has expired or expires within the
                     warning period
              IDN-027  high: The roles that role aliases hand to devices are not overly permissive
              IDN-028  medium: The roles that role aliases hand to devices grant no service the devices do not
                     use
              IDN-029  critical: The role an identity pool gives unauthenticated guests grants no broad or
                     administrative AWS IoT access
              IDN-030  high: The role an identity pool gives signed-in identities grants no broad or
                     administrative AWS IoT access
              PAT-010  medium: Updates are tested in a staged environment before fleet rollout
              MON-001  medium: Access requests are verified with device posture (zero trust)
              MON-005  medium: Every device registry sends its logs to a log service
              RES-001  medium: An IoT incident-response playbook exists
              RES-002  medium: The playbook covers isolation, forensic collection and vendor coordination
              OPS-001  medium: Staff completed IoT security training recently
              OPS-003  medium: Certificate renewal is automated
              OPS-004  low: Device onboarding is automated
            no network facts supplied (add a 'networks' section to the inventory)
              SEG-002  high: IoT segment has no unrestricted access to critical systems
              SEG-003  high: Outbound traffic from the IoT segment is denied by default
              SEG-004  high: IoT segment's egress allowlist does not allow everything
              SEG-006  medium: IoT segment is monitored for unusual traffic
              SEG-007  high: Device-to-device traffic on the IoT segment is denied by default
              MON-002  medium: Access from the IoT segment is verified with device posture
            Requirements not assessed (11)  G07, G08, G09, G17, G20, G25, G26, G38, G41, G43, G44
            Requirements partly assessed (4)  G14, G15, G18, G28
          """, section(run.out(), "Not assessed ("));
      assertTrue(run.out().contains(
          "  Coverage  24 rules not assessed; of 44 requirements, 11 not and 4 partly assessed\n"), run.out());
    }

    @Test
    void standardErrorSaysHowManyRulesWereNotAssessedAndWhy() {
      CliRun run = CliRun.of("evaluate", "--source", SCAN, "--now", NOW, "--fail-on", "never");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("""
          rampart: warning: 24 rules were not assessed, so they neither passed nor failed:
            no vendor facts supplied (add a 'vendors' section to the inventory): PRC-010, PRC-011, PRC-012, OPS-005
            no deployment fact supplied (add a 'deployment' section to the inventory): IDN-025, IDN-026, IDN-027, IDN-028, IDN-029, IDN-030, PAT-010, MON-001, MON-005, RES-001, RES-002, OPS-001, OPS-003, OPS-004
            no network facts supplied (add a 'networks' section to the inventory): SEG-002, SEG-003, SEG-004, SEG-006, SEG-007, MON-002
          """, run.err());
    }

    @Test
    void theJsonReportHasTheCoverageInItsSummary() throws IOException {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", "--source", SCAN, "--now", NOW, "--format", "json:" + report);

      assertEquals(1, run.exitCode(), run.err());
      JsonNode coverage = JSON.readTree(report.toFile()).at("/summary/coverage");
      assertEquals(false, coverage.get("complete").asBoolean());
      // in pack order
      assertEquals("""
          PRC-010 vendor medium
          PRC-011 vendor medium
          PRC-012 vendor medium
          IDN-025 deployment high
          IDN-026 deployment medium
          IDN-027 deployment high
          IDN-028 deployment medium
          IDN-029 deployment critical
          IDN-030 deployment high
          SEG-002 network high
          SEG-003 network high
          SEG-004 network high
          SEG-006 network medium
          SEG-007 network high
          PAT-010 deployment medium
          MON-001 deployment medium
          MON-002 network medium
          MON-005 deployment medium
          RES-001 deployment medium
          RES-002 deployment medium
          OPS-001 deployment medium
          OPS-003 deployment medium
          OPS-004 deployment low
          OPS-005 vendor medium
          """, lines(coverage.get("notAssessed"),
              rule -> rule.get("ruleId").asText() + " " + rule.get("target").asText() + " " + rule.get("severity").asText()));
      assertEquals("""
          {"ruleId":"SEG-002","packId":"iot-baseline","title":"IoT segment has no unrestricted access to critical\
           systems","severity":"high","target":"network","reason":"no network facts supplied (add a 'networks'\
           section to the inventory)","failsGate":false}""", coverage.at("/notAssessed/9").toString());
      assertEquals("G07 G08 G09 G17 G20 G25 G26 G38 G41 G43 G44", StreamSupport
          .stream(coverage.get("requirements").spliterator(), false)
          .filter(requirement -> requirement.get("status").asText().equals("NOT_ASSESSED"))
          .map(requirement -> requirement.get("id").asText())
          .collect(Collectors.joining(" ")));
      assertEquals(44, coverage.get("requirements").size());
    }

    @Test
    void withFailOnUnknownTheHighRulesItCouldNotAssessFailTheGate() throws IOException {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", "--source", SCAN, "--now", NOW, "--fail-on-unknown",
          "--format", "text", "--format", "json:" + report);

      assertEquals(1, run.exitCode());
      assertEquals("""
          rampart: 8 rules not assessed at severity high or above fail the gate (--fail-on-unknown):
            no deployment fact supplied (add a 'deployment' section to the inventory): IDN-025, IDN-027, IDN-029, IDN-030
            no network facts supplied (add a 'networks' section to the inventory): SEG-002, SEG-003, SEG-004, SEG-007
            and 16 more below severity high (see the report's coverage)
          """, run.err());
      assertTrue(run.out().endsWith("""
            Gate      FAILED: 30 FAIL, ERROR or UNKNOWN results at severity high or above, 8 rules not
                      assessed at severity high or above (--fail-on high --fail-on-unknown)
          """), run.out());
      JsonNode notAssessed = JSON.readTree(report.toFile()).at("/summary/coverage/notAssessed");
      assertEquals("IDN-025 IDN-027 IDN-029 IDN-030 SEG-002 SEG-003 SEG-004 SEG-007", StreamSupport.stream(notAssessed.spliterator(), false)
          .filter(rule -> rule.get("failsGate").asBoolean())
          .map(rule -> rule.get("ruleId").asText())
          .collect(Collectors.joining(" ")));
    }
  }

  /** A pack with a rule of each target type over an inventory of one compliant device. */
  @Nested
  class Gate {

    @Test
    void withoutFailOnUnknownTheGatePassesButTheVerdictAndStandardErrorSaySoPlainly() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("""

          No findings.

          Not assessed (3 rules)
            no network facts supplied (add a 'networks' section to the inventory)
              COV-002  high: IoT networks are monitored
            no deployment fact supplied (add a 'deployment' section to the inventory)
              COV-003  high: An incident-response playbook exists
            no vendor facts supplied (add a 'vendors' section to the inventory)
              COV-004  low: Vendors run a disclosure program
            Requirements not assessed (3)  G2, G30, G40
            Requirements partly assessed (1)  G11

          Requirements (4: 1 unknown, 3 not assessed)
            G2   NOT ASSESSED   COV-004 not assessed
            G11  UNKNOWN        COV-001 1 PASS; COV-003 not assessed
            G30  NOT ASSESSED   COV-002 not assessed
            G40  NOT ASSESSED   COV-003 not assessed

          Summary
            Results   1: 1 PASS, 0 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  none
            Coverage  3 rules not assessed; of 4 requirements, 3 not and 1 partly assessed
            Gate      PASSED: no FAIL or ERROR result at severity high or above, but 3 rules not assessed
                      (--fail-on high)
          """, run.out().substring(run.out().indexOf("\n\nNo findings.") + 1));
      assertEquals("""
          rampart: warning: 3 rules were not assessed, so they neither passed nor failed:
            no network facts supplied (add a 'networks' section to the inventory): COV-002
            no deployment fact supplied (add a 'deployment' section to the inventory): COV-003
            no vendor facts supplied (add a 'vendors' section to the inventory): COV-004
          """, run.err());
    }

    @Test
    void withFailOnUnknownARuleNotAssessedAtTheThresholdFailsItLikeAnUnknown() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--fail-on-unknown");

      assertEquals(1, run.exitCode());
      assertEquals("""
          rampart: 2 rules not assessed at severity high or above fail the gate (--fail-on-unknown):
            no network facts supplied (add a 'networks' section to the inventory): COV-002
            no deployment fact supplied (add a 'deployment' section to the inventory): COV-003
            and 1 more below severity high (see the report's coverage)
          """, run.err());
      assertTrue(run.out().endsWith("""
            Gate      FAILED: 2 rules not assessed at severity high or above (--fail-on high
                      --fail-on-unknown)
          """), run.out());
    }

    @Test
    void belowTheThresholdARuleNotAssessedDoesNotFailIt() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--fail-on", "critical",
          "--fail-on-unknown");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("rampart: warning: 3 rules were not assessed"), run.err());
    }

    @Test
    void neitherAWaiverForEveryRuleNorABaselineHidesIt() throws IOException {
      Path waivers = Files.writeString(dir.resolve("waivers.yaml"), """
          apiVersion: rampart.dev/v1
          kind: Waivers
          waivers:
            - {rule: "*", justification: everything accepted, approvedBy: sam, expires: 2026-12-31}
          """);
      Path baseline = dir.resolve("baseline.json");
      CliRun recorded = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--fail-on", "never",
          "--write-baseline", baseline.toString());
      assertEquals(0, recorded.exitCode(), recorded.err());

      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--fail-on-unknown",
          "--waivers", waivers.toString(), "--baseline", baseline.toString());

      assertEquals(1, run.exitCode(), run.out());
      assertTrue(run.err().startsWith("rampart: 2 rules not assessed at severity high or above fail the gate"),
          run.err());
    }
  }

  @Nested
  class Formats {

    @Test
    void junitShowsEachRuleNotAssessedAsASkippedTestCaseWithTheReason() throws IOException {
      String xml = report("junit");

      assertTrue(xml.contains("""
              <testcase name="network (none supplied)" classname="rampart.monitoring.COV-002" time="0">
                <skipped message="not assessed: no network facts supplied (add a 'networks' section to the inventory)"/>
              </testcase>
          """), xml);
      assertTrue(xml.contains("<testsuites name=\"rampart\" time=\"0\" tests=\"4\" errors=\"0\" skipped=\"3\""
          + " failures=\"0\">"), xml);
      assertTrue(xml.contains("<testsuite name=\"resilience\" time=\"0\" tests=\"1\" errors=\"0\" skipped=\"1\""
          + " failures=\"0\""), xml);
    }

    @Test
    void junitUnderFailOnUnknownShowsThemAsFailures() throws IOException {
      String xml = report("junit", "--fail-on-unknown");

      assertTrue(xml.contains("""
              <testcase name="deployment (none supplied)" classname="rampart.resilience.COV-003" time="0">
                <failure message="not assessed: no deployment fact supplied (add a 'deployment' section to the inventory)" type="not-assessed">not assessed: no deployment fact supplied (add a 'deployment' section to the inventory)
          Rule: COV-003 An incident-response playbook exists (pack cli-coverage, severity high)</failure>
              </testcase>
          """), xml);
      assertTrue(xml.contains("<testsuites name=\"rampart\" time=\"0\" tests=\"4\" errors=\"0\" skipped=\"0\""
          + " failures=\"3\">"), xml);
    }

    @Test
    void sarifHasTheCoverageAmongTheRunsProperties() throws IOException {
      JsonNode coverage = JSON.readTree(report("sarif", "--fail-on-unknown")).at("/runs/0/properties/coverage");

      assertEquals("""
          {"complete":false,"notAssessed":[\
          {"ruleId":"COV-002","packId":"cli-coverage","title":"IoT networks are monitored","severity":"high",\
          "target":"network","reason":"no network facts supplied (add a 'networks' section to the inventory)",\
          "failsGate":true},\
          {"ruleId":"COV-003","packId":"cli-coverage","title":"An incident-response playbook exists","severity":"high",\
          "target":"deployment","reason":"no deployment fact supplied (add a 'deployment' section to the inventory)",\
          "failsGate":true},\
          {"ruleId":"COV-004","packId":"cli-coverage","title":"Vendors run a disclosure program","severity":"low",\
          "target":"vendor","reason":"no vendor facts supplied (add a 'vendors' section to the inventory)",\
          "failsGate":false}],\
          "requirements":[\
          {"id":"G2","status":"NOT_ASSESSED","ruleIds":["COV-004"],"notAssessed":["COV-004"]},\
          {"id":"G11","status":"PARTIALLY_ASSESSED","ruleIds":["COV-001","COV-003"],"notAssessed":["COV-003"]},\
          {"id":"G30","status":"NOT_ASSESSED","ruleIds":["COV-002"],"notAssessed":["COV-002"]},\
          {"id":"G40","status":"NOT_ASSESSED","ruleIds":["COV-003"],"notAssessed":["COV-003"]}]}""",
          coverage.toString());
    }

    @Test
    void htmlHasASectionOfTheRulesNotAssessedAndTheVerdictSaysSo() throws IOException {
      String page = report("html");

      assertTrue(page.contains("<section class=\"panel\" id=\"coverage\">\n    <h2>Not assessed (3 rules)</h2>"), page);
      assertTrue(page.contains("<tr><td class=\"mono\">COV-003</td><td>high</td><td>An incident-response playbook"
          + " exists</td><td>no deployment fact supplied (add a &#39;deployment&#39; section to the inventory)</td>"
          + "<td>\u2014</td></tr>"), page);
      assertTrue(page.contains("<p id=\"requirements-not-assessed\">Requirements not assessed (3):"
          + " <span class=\"mono\">G2, G30, G40</span></p>"), page);
      assertTrue(page.contains("<p id=\"requirements-partly-assessed\">Requirements partly assessed (1):"
          + " <span class=\"mono\">G11</span></p>"), page);
      assertTrue(page.contains("no FAIL result at severity high or above (--fail-on high); 3 rules not assessed"), page);
    }

    private String report(String format, String... more) throws IOException {
      Path file = dir.resolve("report." + format);
      List<String> args = new ArrayList<>(List.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW,
          "--format", format + ":" + file));
      args.addAll(List.of(more));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertTrue(run.exitCode() <= 1, run.err());
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  // From a section's heading to the blank line that ends it.
  private static String section(String report, String heading) {
    int start = report.indexOf("\n" + heading);
    assertTrue(start >= 0, report);
    int end = report.indexOf("\n\n", start + 1);
    return report.substring(start + 1, end + 1);
  }

  private static String lines(JsonNode array, java.util.function.Function<JsonNode, String> line) {
    return StreamSupport.stream(array.spliterator(), false).map(line).collect(Collectors.joining("\n", "", "\n"));
  }
}
