package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart evaluate} end to end, in-process: fixture inventories and a test pack on disk, the
 * exit code and what was printed or written.
 */
class EvaluateCommandTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String BROKEN_PACK = FIXTURES + "packs/broken-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String UNSIGNED_FIRMWARE = FIXTURES + "inventories/unsigned-firmware.yaml";
  private static final String UNKNOWN_FIRMWARE = FIXTURES + "inventories/unknown-firmware.yaml";
  private static final String COMPLIANT = FIXTURES + "inventories/compliant.yaml";
  private static final String MISSPELLED_FIELD = FIXTURES + "inventories/misspelled-field.yaml";
  private static final String CAM_01_AGAIN = FIXTURES + "inventories/cam-01-again.yaml";
  private static final String CAM_01_TWICE = FIXTURES + "inventories/cam-01-twice.yaml";
  private static final String UNKNOWN_REFERENCES = FIXTURES + "inventories/unknown-references.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Nested
  class TextReport {

    @Test
    void groupsFindingsBySeverityThenFactWithTheirEvidenceThenSummarises() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW);

      assertEquals("""
          rampart dev: evaluated 5 facts (3 devices, 1 network, 1 vendor) at 2026-11-25T00:00:00Z
          Pack: cli-test 1.2.0 (CLI test pack) from src/test/resources/packs/test-pack.yaml

          CRITICAL (1 finding)
            FAIL     TST-001  device/cam-01  cam-01 still accepts its factory default password
                     credentials.defaultPassword = true (expected equals false)
                     at src/test/resources/inventories/site.yaml:10:5

          HIGH (2 findings)
            FAIL     TST-002  device/cam-02  cam-02 runs unsigned firmware 3.0.0
                     firmware.signed = false (expected equals true)
                     at src/test/resources/inventories/site.yaml:19:5
            UNKNOWN  TST-002  device/cam-03  evidence missing to decide: firmware.signed
                     firmware.signed = absent (expected equals true)
                     at src/test/resources/inventories/site.yaml:27:5

          MEDIUM (1 finding)
            UNKNOWN  TST-004  device/cam-03  evidence missing to decide: firmware.version
                     firmware.version = absent (expected versionAtLeast 3.0.0 (parameter minimumFirmware))
                     at src/test/resources/inventories/site.yaml:27:5

          LOW (1 finding)
            FAIL     TST-003  device/cam-02  cam-02 has no documented owner
                     owner = absent (expected exists true)
                     at src/test/resources/inventories/site.yaml:19:5

          Requirements (4: 3 not satisfied, 1 unknown)
            G11  NOT SATISFIED  TST-001 1 FAIL, 2 PASS
            G21  NOT SATISFIED  TST-002 1 FAIL, 1 UNKNOWN, 1 PASS
            G24  UNKNOWN        TST-004 1 UNKNOWN, 2 PASS
            G42  NOT SATISFIED  TST-003 1 FAIL, 2 PASS

          Summary
            Results   12: 7 PASS, 3 FAIL, 2 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  identity 1, patching 3, operations 1
            Gate      FAILED: 2 FAIL or ERROR results at severity high or above (--fail-on high)
          """, run.out());
      assertEquals("", run.err());
      assertEquals(1, run.exitCode());
    }

    @Test
    void saysSoWhenThereIsNothingToFix() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW);

      assertEquals("""
          rampart dev: evaluated 1 fact (1 device) at 2026-11-25T00:00:00Z
          Pack: cli-test 1.2.0 (CLI test pack) from src/test/resources/packs/test-pack.yaml

          No findings.

          Requirements (4: 4 satisfied)
            G11  SATISFIED      TST-001 1 PASS
            G21  SATISFIED      TST-002 1 PASS
            G24  SATISFIED      TST-004 1 PASS
            G42  SATISFIED      TST-003 1 PASS

          Summary
            Results   4: 4 PASS, 0 FAIL, 0 UNKNOWN, 0 NOT_APPLICABLE, 0 ERROR
            Findings  none
            Gate      PASSED: no FAIL or ERROR result at severity high or above (--fail-on high)
          """, run.out());
      assertEquals(0, run.exitCode());
    }

    @Test
    void hasNoColourWhenNotWritingToATerminal() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK);

      assertFalse(run.out().contains("\u001B["), run.out());
    }
  }

  @Nested
  class Gate {

    @Test
    void failsOnAHighFailByDefault() {
      CliRun run = CliRun.of("evaluate", UNSIGNED_FIRMWARE, "--pack", PACK, "--now", NOW);

      assertEquals(1, run.exitCode());
      assertTrue(run.out().endsWith(
          "  Gate      FAILED: 1 FAIL or ERROR result at severity high or above (--fail-on high)\n"), run.out());
    }

    @Test
    void failOnCriticalPassesWhenTheWorstFailIsHigh() {
      CliRun run = CliRun.of("evaluate", UNSIGNED_FIRMWARE, "--pack", PACK, "--fail-on", "critical");

      assertEquals(0, run.exitCode());
      assertTrue(run.out().endsWith(
          "  Gate      PASSED: no FAIL or ERROR result at severity critical or above (--fail-on critical)\n"), run.out());
    }

    @Test
    void failOnCriticalFailsOnACriticalFail() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--fail-on", "critical");

      assertEquals(1, run.exitCode());
      assertTrue(run.out().endsWith(
          "  Gate      FAILED: 1 FAIL or ERROR result at severity critical or above (--fail-on critical)\n"), run.out());
    }

    @Test
    void failOnLowCountsEveryFailAtLowOrAbove() {
      CliRun run = CliRun.of("evaluate", UNSIGNED_FIRMWARE, "--pack", PACK, "--fail-on", "low");

      assertEquals(1, run.exitCode());
      assertTrue(run.out().endsWith(
          "  Gate      FAILED: 3 FAIL or ERROR results at severity low or above (--fail-on low)\n"), run.out());
    }

    @Test
    void failOnNeverPassesWhateverFails() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--fail-on", "never");

      assertEquals(0, run.exitCode());
      assertTrue(run.out().endsWith("  Gate      not applied (--fail-on never)\n"), run.out());
    }

    @Test
    void unknownResultsNeverFailIt() {
      CliRun run = CliRun.of("evaluate", UNKNOWN_FIRMWARE, "--pack", PACK, "--fail-on", "info");

      assertEquals(0, run.exitCode());
      assertTrue(run.out().contains("UNKNOWN  TST-002  device/cam-05  evidence missing to decide: firmware.signed"));
      assertTrue(run.out().endsWith(
          "  Gate      PASSED: no FAIL or ERROR result at severity info or above (--fail-on info)\n"), run.out());
    }
  }

  @Nested
  class JsonReport {

    @Test
    void toAFileHasEveryDocumentedField() throws IOException {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--format", "json:" + report);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(expected("compliant-report.json"), Files.readString(report));
      assertEquals("", run.out(), "the only --format wrote to a file");
    }

    @Test
    void onlyFindingsListsFailUnknownAndErrorButCountsEverything() throws IOException {
      Path report = dir.resolve("findings.json");

      CliRun run = CliRun.of(
          "evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", "json:" + report, "--only-findings");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals(expected("site-findings.json"), Files.readString(report));
    }

    @Test
    void toStandardOutputWhileTheTextGoesToAFile() throws IOException {
      Path text = dir.resolve("report.txt");

      CliRun run = CliRun.of(
          "evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--format", "json", "--format", "text:" + text);

      assertEquals(expected("compliant-report.json"), run.out());
      assertEquals(CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW).out(), Files.readString(text));
    }

    @Test
    void evaluatesAtTheGivenInstant() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", "2026-11-25T13:45:30Z", "--format", "json");

      assertTrue(run.out().contains("\"evaluatedAt\" : \"2026-11-25T13:45:30Z\""), run.out());
    }

    @Test
    void replacesAnExistingReportAndLeavesNoTemporaryFile() throws IOException {
      Path report = dir.resolve("report.json");
      Files.writeString(report, "yesterday's report");

      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", PACK, "--now", NOW, "--format", "json:" + report);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(expected("compliant-report.json"), Files.readString(report));
      assertEquals(List.of(report), filesIn(dir));
    }
  }

  @Nested
  class Packs {

    @Test
    void withoutPackTheBuiltInIotBaselineIsEvaluated() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--now", NOW);

      // the inventory has one device and nothing else: the built-in pack's other rules are not assessed
      assertTrue(run.err().startsWith("rampart: warning: 24 rules were not assessed"), run.err());
      assertTrue(run.out().lines().anyMatch(line -> line.startsWith("Pack: iot-baseline ")), run.out());
    }

    @Test
    void aValueThatIsNoFileNamesABuiltInPack() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--now", NOW, "--pack", "iot-baseline");

      assertTrue(run.out().lines().anyMatch(line -> line.startsWith("Pack: iot-baseline ")), run.out());
    }

    @Test
    void severalPacksAreEvaluatedTogether() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--now", NOW, "--pack", PACK, "--pack", "iot-baseline");

      assertTrue(run.out().lines().anyMatch(line -> line.startsWith("Packs: cli-test 1.2.0 (CLI test pack) from src/test/resources/packs/test-pack.yaml, iot-baseline")),
          run.out());
    }

    @Test
    void anUnknownBuiltInIdIsAnInputError() {
      CliRun run = CliRun.of("evaluate", COMPLIANT, "--pack", "iot-basline");

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("1 problem in rule pack:\n1. iot-basline: "), run.err());
      assertEquals("", run.out());
    }
  }

  @Nested
  class Parameters {

    @Test
    void overrideThePacksDefault() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--param", "minimumFirmware=4.0.0");

      assertTrue(run.out().contains("""
            FAIL     TST-004  device/cam-02  cam-02 runs firmware 3.0.0, older than the minimum
                     firmware.version = 3.0.0 (expected versionAtLeast 4.0.0 (parameter minimumFirmware))
          """), run.out());
    }

    @Test
    void anUnknownNameIsAnInputError() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--param", "minimumFirmwre=4.0.0");

      assertEquals(2, run.exitCode());
      assertEquals("""
          1 problem in rule pack:
          1. parameters: unknown parameter 'minimumFirmwre' (did you mean 'minimumFirmware'?)
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void withoutAnEqualsSignIsAUsageError() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--param", "minimumFirmware");

      assertEquals(2, run.exitCode());
      assertTrue(run.err().contains("should be in KEY=VALUE format but was minimumFirmware"), run.err());
    }
  }

  @Nested
  class InputErrors {

    @Test
    void everyInventoryProblemIsListedAndNoReportIsWritten() {
      Path report = dir.resolve("report.json");

      CliRun run = CliRun.of(
          "evaluate", MISSPELLED_FIELD, FIXTURES + "inventories/absent.yaml", "--pack", PACK,
          "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/inventories/misspelled-field.yaml:4:7: devices[0] (id 'cam-09').credentials: \
          unknown field 'defaultPasword' (did you mean 'defaultPassword'?)
          inventory:src/test/resources/inventories/misspelled-field.yaml: 1 record could not be read (fix it, or pass \
          --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped ones \
          UNKNOWN)
          cannot read 'src/test/resources/inventories/absent.yaml': no such file (check the path)
          """, run.err());
      assertEquals("", run.out());
      assertFalse(Files.exists(report));
    }

    @Test
    void anExistingReportIsLeftAsItWasOnAnInputError() throws IOException {
      Path report = dir.resolve("report.json");
      Files.writeString(report, "yesterday's report");

      CliRun run = CliRun.of("evaluate", MISSPELLED_FIELD, "--pack", PACK, "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertEquals("yesterday's report", Files.readString(report));
      assertEquals(List.of(report), filesIn(dir));
    }

    @Test
    void anInvalidPackShowsItsNumberedProblems() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", BROKEN_PACK);

      assertEquals(2, run.exitCode());
      assertEquals("""
          2 problems in rule pack:
          1. src/test/resources/packs/broken-pack.yaml:15:14: rule BRK-001: unknown field \
          'credentials.defaultPasword': 'credentials' has no field 'defaultPasword' \
          (did you mean 'credentials.defaultPassword'?)
          2. src/test/resources/packs/broken-pack.yaml:21:15: rule BRK-002: unknown severity 'severe' \
          (expected one of: info, low, medium, high, critical)
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void mistakesInTheInventoryAndThePackAreReportedTogether() {
      CliRun run = CliRun.of("evaluate", MISSPELLED_FIELD, "--pack", BROKEN_PACK);

      assertEquals(2, run.exitCode());
      List<String> lines = run.err().lines().toList();
      assertTrue(lines.get(0).startsWith("src/test/resources/inventories/misspelled-field.yaml:4:7: "), run.err());
      assertTrue(lines.get(1).endsWith("misspelled-field.yaml: 1 record could not be read (fix it, or pass"
          + " --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped"
          + " ones UNKNOWN)"), run.err());
      assertEquals("2 problems in rule pack:", lines.get(2));
      assertEquals(5, lines.size(), run.err());
    }

    @Test
    void aFactIdDefinedTwiceInOneSourceNamesBothPlaces() {
      CliRun run = CliRun.of("evaluate", SITE, CAM_01_TWICE, "--pack", PACK);

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/inventories/cam-01-twice.yaml:5:5: devices[1]: duplicate device id 'cam-01' \
          (first defined at src/test/resources/inventories/cam-01-twice.yaml:3:5); give each device its own id
          inventory:src/test/resources/inventories/cam-01-twice.yaml: 1 record could not be read (fix it, or pass \
          --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped ones \
          UNKNOWN)
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void aFactIdInTwoSourcesIsOneMergedFactWithItsConflictListed() {
      CliRun run = CliRun.of("evaluate", SITE, CAM_01_AGAIN, "--pack", PACK, "--now", NOW);

      assertEquals(1, run.exitCode(), run.err());
      assertEquals("", run.err());
      assertTrue(run.out().startsWith(
          "rampart dev: evaluated 5 facts (3 devices, 1 network, 1 vendor) at 2026-11-25T00:00:00Z\n"), run.out());
      assertTrue(run.out().contains("""
          Conflicts between sources (1)
            device/cam-01  owner
                     kept facilities from inventory:src/test/resources/inventories/site.yaml:10:5
                     overruled security from inventory:src/test/resources/inventories/cam-01-again.yaml:3:5
          """), run.out());
    }

    @Test
    void referencesToUnknownVendorsAndNetworksNameTheReferringFact() {
      CliRun run = CliRun.of("evaluate", UNKNOWN_REFERENCES, "--pack", PACK);

      assertEquals(2, run.exitCode());
      assertEquals("""
          src/test/resources/inventories/unknown-references.yaml:2:5: device 'cam-07' refers to vendor 'nobody', \
          which no source reported (add a vendor with id 'nobody', or correct the reference)
          src/test/resources/inventories/unknown-references.yaml:2:5: device 'cam-07' refers to network 'ghost', \
          which no source reported (add a network with id 'ghost', or correct the reference)
          """, run.err());
    }

    @Test
    void aReportDirectoryThatDoesNotExistIsFoundBeforeEvaluating() {
      Path report = dir.resolve("missing/report.json");

      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertEquals(
          "rampart: cannot write the json report to '" + report + "': directory '" + report.getParent()
              + "' does not exist (create it first)\n",
          run.err());
    }
  }

  @Nested
  class UsageErrors {

    @Test
    void noInventoryFile() {
      CliRun run = CliRun.of("evaluate", "--pack", PACK);

      assertEquals(2, run.exitCode());
      assertEquals("""
          Missing required parameter: 'FILE'
          Try 'rampart evaluate --help' for more information.
          """, run.err());
    }

    @Test
    void anUnknownSeverity() {
      CliRun run = CliRun.of("evaluate", SITE, "--fail-on", "severe");

      assertEquals(2, run.exitCode());
      assertEquals("""
          Invalid value for option '--fail-on': 'severe' is not a severity \
          (use one of info, low, medium, high, critical or never)
          Try 'rampart evaluate --help' for more information.
          """, run.err());
    }

    @Test
    void aTimeThatIsNeitherAnInstantNorADate() {
      CliRun run = CliRun.of("evaluate", SITE, "--now", "tomorrow");

      assertEquals(2, run.exitCode());
      assertEquals("""
          Invalid value for option '--now': 'tomorrow' is neither an ISO-8601 instant such as \
          2026-11-25T00:00:00Z nor a date such as 2026-11-25
          Try 'rampart evaluate --help' for more information.
          """, run.err());
    }

    @Test
    void anUnknownFormat() {
      CliRun run = CliRun.of("evaluate", SITE, "--format", "pdf:out.pdf");

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith(
          "Invalid value for option '--format' (FMT[:FILE]): 'pdf' is not a report format"), run.err());
    }

    @Test
    void twoFormatsOnStandardOutput() {
      CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--format", "text", "--format", "json");

      assertEquals(2, run.exitCode());
      assertEquals("""
          Only one --format can write to standard output; give the others a file, e.g. --format json:report.json
          Try 'rampart evaluate --help' for more information.
          """, run.err());
      assertEquals("", run.out());
    }

    @Test
    void twoFormatsToOneFile() {
      Path report = dir.resolve("report");

      CliRun run = CliRun.of(
          "evaluate", SITE, "--pack", PACK, "--format", "text:" + report, "--format", "json:" + report);

      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("Two --format options write to '" + report + "'; give each its own file\n"),
          run.err());
      assertFalse(Files.exists(report));
    }
  }

  private static String expected(String name) throws IOException {
    return Files.readString(Path.of(FIXTURES, "expected", name), StandardCharsets.UTF_8);
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
