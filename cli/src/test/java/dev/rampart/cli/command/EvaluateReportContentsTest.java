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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reports say about the run itself: the rules a tailored pack switched off, with their
 * reasons, and an evaluation that stopped at a limit, which never passes.
 */
class EvaluateReportContentsTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String TAILORED = FIXTURES + "packs/tailored-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String NOW = "2026-11-25";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Nested
  class DisabledRules {

    @Test
    void theTextReportNamesTheBaseAndListsEachDisabledRuleWithItsReason() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", TAILORED, "--now", NOW);

      assertEquals(1, run.exitCode(), run.err());
      assertTrue(run.out().contains(
          "Pack: cli-test-site 1.0.0 (CLI test pack for the harbour site, extends cli-test@1.2.0) from\n"
          + "  src/test/resources/packs/tailored-pack.yaml\n"), run.out());
      assertTrue(run.out().contains("""
          Disabled rules (1)
            TST-003  Documented owner
                     disabled by cli-test-site 1.0.0 (from cli-test@1.2.0): Owners are tracked in the
                       facilities CMDB, audited quarterly (control CC-7)
          """), run.out());
    }

    @Test
    void theJsonReportGivesEachPacksBaseAndDisabledRules() throws IOException {
      JsonNode report = JSON.readTree(CliRun.of("evaluate", SITE, "--pack", TAILORED, "--now", NOW, "--format", "json")
          .out());

      assertEquals("""
          {"id":"cli-test-site","version":"1.0.0","title":"CLI test pack for the harbour site",\
          "source":"src/test/resources/packs/tailored-pack.yaml","base":"cli-test@1.2.0","disabledRules":[{"ruleId":"TST-003","title":"Documented owner",\
          "reason":"Owners are tracked in the facilities CMDB, audited quarterly (control CC-7)"}]}""",
          report.at("/summary/packs/0").toString());
    }

    @Test
    void theHtmlReportShowsThemBesideThePacks() throws IOException {
      Path html = dir.resolve("report.html");

      CliRun.of("evaluate", SITE, "--pack", TAILORED, "--now", NOW, "--format", "html:" + html);

      String page = Files.readString(html, StandardCharsets.UTF_8);
      assertTrue(page.contains("<td class=\"mono\">cli-test@1.2.0</td>"), page);
      assertTrue(page.contains("<tr><td class=\"mono\">TST-003</td><td>Documented owner</td>"
          + "<td class=\"mono\">cli-test-site</td><td>Owners are tracked in the facilities CMDB, audited quarterly"
          + " (control CC-7)</td></tr>"), page);
    }
  }

  @Nested
  class Incomplete {

    @Test
    void anEvaluationStoppedAtTheFactLimitFailsWithItsReasonEvenWhenTheGateIsOff() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--max-facts", "2", "--fail-on", "never");

      assertEquals(1, run.exitCode());
      assertEquals("rampart: the evaluation is incomplete (stopped at the fact limit of 2: 2 of 5 facts evaluated):"
          + " the reports cover only the facts evaluated, so the run cannot pass\n"
          + "rampart: warning: 4 rules were not assessed, so they neither passed nor failed:\n"
          + "  no device fact evaluated before the evaluation stopped (raise the fact or time limit): TST-001, TST-002,"
          + " TST-003, TST-004\n", run.err());
      assertTrue(run.out().contains("""
          INCOMPLETE: stopped at the fact limit of 2: 2 of 5 facts evaluated. The results cover only the facts
            evaluated, and the gate cannot pass.
          """), run.out());
      assertTrue(run.out().endsWith("  Gate      FAILED: the evaluation is incomplete (--fail-on never)\n"), run.out());
    }

    @Test
    void theJsonReportSaysSoAndWhy() throws IOException {
      JsonNode report = JSON.readTree(
          CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--max-facts", "3", "--format", "json").out());

      assertEquals(false, report.at("/summary/complete").asBoolean());
      assertEquals("stopped at the fact limit of 3: 3 of 5 facts evaluated", report.at("/summary/incompleteReason").asText());
      assertEquals(true, report.at("/summary/gate/failed").asBoolean());
    }

    @Test
    void aCompleteEvaluationSaysSo() throws IOException {
      JsonNode report = JSON.readTree(
          CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--max-facts", "5", "--format", "json").out());

      assertEquals(true, report.at("/summary/complete").asBoolean());
      assertTrue(report.at("/summary/incompleteReason").isMissingNode());
    }

    @Test
    void limitsAreCheckedBeforeEvaluating() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--max-facts", "0", "--time-limit", "PT0S");

      assertEquals(2, run.exitCode());
      assertEquals("""
          --max-facts: maxFacts must be at least 1, not 0 (give the number of facts to evaluate at most, e.g. 10000)
          --time-limit: timeLimit must be positive, not PT0S (give a positive duration, e.g. PT30S)
          """, run.err());
    }

    @Test
    void aTimeLimitIsAnIsoDuration() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--time-limit", "30s");

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("Invalid value for option '--time-limit': '30s' is not an ISO-8601 duration"
          + " (write e.g. PT30S for 30 seconds or PT5M for 5 minutes)\n"), run.err());
    }
  }
}
