package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart evaluate --write-baseline FILE} records today's findings; {@code --baseline FILE}
 * then fails the gate only on findings that are not in it and reports those that were resolved.
 */
class EvaluateBaselineTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String UNSIGNED_FIRMWARE = FIXTURES + "inventories/unsigned-firmware.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Nested
  class WriteBaseline {

    @Test
    void recordsTheFailAndUnknownResultsSortedWithThePacksAndTheDate() throws IOException {
      Path baseline = dir.resolve("baseline.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--write-baseline", baseline.toString());

      assertEquals(1, run.exitCode(), "writing a baseline does not change the verdict");
      assertEquals("", run.err());
      assertEquals("""
          {
            "schemaVersion" : "1.0",
            "kind" : "rampart-baseline",
            "createdAt" : "2026-11-25T00:00:00Z",
            "tool" : {
              "name" : "rampart",
              "version" : "dev"
            },
            "packs" : [ {
              "id" : "cli-test",
              "version" : "1.2.0"
            } ],
            "findings" : [ {
              "ruleId" : "TST-001",
              "factType" : "device",
              "factId" : "cam-01",
              "outcome" : "FAIL"
            }, {
              "ruleId" : "TST-002",
              "factType" : "device",
              "factId" : "cam-02",
              "outcome" : "FAIL"
            }, {
              "ruleId" : "TST-002",
              "factType" : "device",
              "factId" : "cam-03",
              "outcome" : "UNKNOWN"
            }, {
              "ruleId" : "TST-003",
              "factType" : "device",
              "factId" : "cam-02",
              "outcome" : "FAIL"
            }, {
              "ruleId" : "TST-004",
              "factType" : "device",
              "factId" : "cam-03",
              "outcome" : "UNKNOWN"
            } ]
          }
          """.replace("\n", System.lineSeparator()), Files.readString(baseline));
      assertEquals(List.of(baseline), filesIn(dir), "written atomically: no temporary file is left");
    }

    @Test
    void anUnwritableBaselineIsFoundBeforeEvaluating() {
      Path baseline = dir.resolve("missing/baseline.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--write-baseline", baseline.toString());

      assertEquals(2, run.exitCode());
      assertEquals("rampart: cannot write the baseline to '" + baseline + "': directory '" + baseline.getParent()
          + "' does not exist (create it first)\n", run.err());
      assertEquals("", run.out());
    }

    @Test
    void itCannotShareAFileWithAReport() {
      Path file = dir.resolve("out.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--format", "json:" + file,
          "--write-baseline", file.toString());

      assertEquals(2, run.exitCode());
      assertEquals("--write-baseline and a --format option write to '" + file + "'; give each its own file\n"
          + "Try 'rampart evaluate --help' for more information.\n", run.err());
    }
  }

  @Nested
  class Gate {

    @Test
    void passesWhenEveryFindingIsInTheBaseline() {
      Path baseline = dir.resolve("baseline.json");
      CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--write-baseline", baseline.toString());

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--baseline", baseline.toString());

      assertEquals(0, run.exitCode(), run.out());
      assertTrue(run.out().endsWith("""
            Baseline  %s: 0 new, 5 existing, 0 resolved
            Gate      PASSED: no new FAIL or ERROR result at severity high or above (--fail-on high)
          """.formatted(baseline)), run.out());
      assertEquals("", run.err());
    }

    @Test
    void failsOnNewFindingsMarksThemAndReportsWhatWasResolved() throws IOException {
      Path baseline = Files.writeString(dir.resolve("old.json"), """
          {
            "schemaVersion": "1.0",
            "kind": "rampart-baseline",
            "createdAt": "2026-11-01T00:00:00Z",
            "findings": [
              {"ruleId": "TST-001", "factType": "device", "factId": "cam-01", "outcome": "FAIL"},
              {"ruleId": "TST-003", "factType": "device", "factId": "cam-02", "outcome": "FAIL"},
              {"ruleId": "TST-004", "factType": "device", "factId": "cam-03", "outcome": "UNKNOWN"},
              {"ruleId": "TST-002", "factType": "device", "factId": "cam-09", "outcome": "FAIL"},
              {"ruleId": "TST-003", "factType": "device", "factId": "cam-01"}
            ]
          }
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--baseline", baseline.toString());

      assertEquals(1, run.exitCode());
      assertTrue(run.out().contains("""
          HIGH (2 findings)
            FAIL     TST-002  device/cam-02  cam-02 runs unsigned firmware 3.0.0
                     firmware.signed = false (expected equals true)
                     new since the baseline
                     at src/test/resources/inventories/site.yaml:19:5
            UNKNOWN  TST-002  device/cam-03  evidence missing to decide: firmware.signed
                     firmware.signed = absent (expected equals true)
                     new since the baseline
                     at src/test/resources/inventories/site.yaml:27:5

          MEDIUM (1 finding)
            UNKNOWN  TST-004  device/cam-03  evidence missing to decide: firmware.version
                     firmware.version = absent (expected versionAtLeast 3.0.0 (parameter minimumFirmware))
                     at src/test/resources/inventories/site.yaml:27:5
          """), run.out());
      assertTrue(run.out().endsWith("""

          Resolved since baseline (2)
            TST-002  device/cam-09  was FAIL
            TST-003  device/cam-01

          Requirements (4: 3 not satisfied, 1 unknown)
            G11  NOT SATISFIED  TST-001 1 FAIL, 2 PASS
            G21  NOT SATISFIED  TST-002 1 FAIL, 1 UNKNOWN, 1 PASS
            G24  UNKNOWN        TST-004 1 UNKNOWN, 2 PASS
            G42  NOT SATISFIED  TST-003 1 FAIL, 2 PASS

          Summary
            Results   12: 7 PASS, 3 FAIL, 2 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  identity 1, patching 3, operations 1
            Baseline  %s: 2 new, 3 existing, 2 resolved
            Gate      FAILED: 1 new FAIL or ERROR result at severity high or above (--fail-on high)
          """.formatted(baseline)), run.out());
    }

    @Test
    void jsonSaysWhichFindingsAreNewAndWhichWereResolved() throws IOException {
      Path baseline = Files.writeString(dir.resolve("old.json"), """
          {"schemaVersion": "1.0", "kind": "rampart-baseline", "findings": [
            {"ruleId": "TST-002", "factType": "device", "factId": "gw-01", "outcome": "FAIL"},
            {"ruleId": "TST-001", "factType": "device", "factId": "gw-01", "outcome": "FAIL"}]}
          """);

      CliRun run = CliRun.of("evaluate", UNSIGNED_FIRMWARE, "--pack", PACK, "--now", NOW,
          "--baseline", baseline.toString(), "--format", "json", "--only-findings");

      assertEquals(0, run.exitCode(), "the only high FAIL is in the baseline");
      assertTrue(run.out().contains("""
              "baseline" : {
                "file" : "%s",
                "new" : 2,
                "existing" : 1,
                "resolved" : [ {
                  "ruleId" : "TST-001",
                  "factType" : "device",
                  "factId" : "gw-01",
                  "outcome" : "FAIL"
                } ]
              }
          """.formatted(baseline.toString().replace("\\", "\\\\"))), run.out());
      assertTrue(run.out().contains("""
              "factId" : "gw-01",
              "outcome" : "FAIL",
              "message" : "gw-01 runs unsigned firmware 1.0.0",
          """), run.out());
      assertTrue(run.out().contains("""
              "waived" : false,
              "baselineState" : "existing",
          """), run.out());
      assertTrue(run.out().contains("""
              "waived" : false,
              "baselineState" : "new",
          """), run.out());
    }
  }

  @Nested
  class InputErrors {

    @Test
    void aMalformedBaselineNamesEachMistakesPlaceAndNothingIsWritten() {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", FIXTURES + "baselines/broken.json",
          "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/baselines/broken.json:6:39: findings[0].factType: unknown fact type 'devise' \
          (expected one of: device, network, vendor, deployment)
          src/test/resources/baselines/broken.json:7:5: findings[1]: missing "factType" \
          (each finding has ruleId, factType and factId)
          """, run.err());
      assertEquals("", run.out());
      assertFalse(Files.exists(report));
    }

    @Test
    void aBaselineThatIsNotJson() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", FIXTURES + "baselines/not-json.json");

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/baselines/not-json.json:4:3: not valid JSON: Unexpected character ('"' (code 34)): \
          was expecting comma to separate Object entries (create it with rampart evaluate --write-baseline FILE)
          """, run.err());
    }

    @Test
    void aJsonReportIsNoBaseline() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", FIXTURES + "expected/compliant-report.json");

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/expected/compliant-report.json:1:1: not a rampart baseline: the file has no "kind" \
          (expected "kind": "rampart-baseline"; create it with rampart evaluate --write-baseline FILE)
          """, run.err());
    }

    @Test
    void aBaselineOfANewerLayout() throws IOException {
      Path baseline = Files.writeString(dir.resolve("future.json"), """
          {"kind": "rampart-baseline", "schemaVersion": "2.0", "findings": []}
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", baseline.toString());

      assertEquals(2, run.exitCode());
      assertEquals(baseline + ":1:47: the baseline has schemaVersion the string '2.0'; this rampart reads 1.x"
          + " (regenerate it with rampart evaluate --write-baseline FILE)\n", run.err());
    }

    @Test
    void aBaselineWithADuplicateKeyIsRefusedWhereTheSecondOneIs() throws IOException {
      // jq and Python keep the last of two equal keys; reading the first would gate on other findings than they show
      Path baseline = Files.writeString(dir.resolve("twice.json"), """
          {"kind": "rampart-baseline", "schemaVersion": "1.0",
           "findings": [],
           "findings": [{"ruleId": "TST-001"}]}
          """);

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", baseline.toString());

      assertEquals(2, run.exitCode());
      assertEquals(baseline + ":3:2: not valid JSON: duplicate key 'findings' (first at line 2, column 2): remove one"
          + " of the two (create it with rampart evaluate --write-baseline FILE)\n", run.err());
    }

    @Test
    void aMissingBaseline() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--baseline", FIXTURES + "baselines/absent.json");

      assertEquals(2, run.exitCode());
      assertEquals("cannot read the baseline 'src/test/resources/baselines/absent.json': no such file"
          + " (check the path, or create it with rampart evaluate --write-baseline FILE)\n", run.err());
    }
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
