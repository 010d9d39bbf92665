package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code rampart evaluate} does with the report writers of {@code rampart-reports} (whose own
 * tests say what each writes): a report named with a file goes to that file only, and one without a
 * file goes to standard output, the same bytes.
 */
class EvaluateReportFormatsTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sarif", "junit", "html", "oscal"})
  void aReportToAFileLeavesStandardOutputEmpty(String format) throws IOException {
    Path report = dir.resolve("report." + format);

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format + ":" + report);

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(Files.size(report) > 0, report + " is written");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sarif", "junit", "html", "oscal"})
  void aReportWithoutAFileIsWrittenToStandardOutput(String format) throws IOException {
    Path report = dir.resolve("report." + format);
    CliRun toFile = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format + ":" + report);

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format);

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(toFile.exitCode(), run.exitCode());
    assertEquals(Files.readString(report, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"), run.out());
  }

  @Test
  void sarifCategoryNamesTheRunForCodeScanningInsteadOfTheInputs() throws IOException {
    Path report = dir.resolve("report.sarif");
    CliRun byInputs = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", "sarif");

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", "sarif:" + report,
        "--sarif-category", "site-a");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(byInputs.out().contains("\"id\" : \"rampart/cli-test/src/test/resources/inventories/site.yaml/\""),
        byInputs.out());
    assertTrue(Files.readString(report).contains("\"id\" : \"rampart/cli-test/site-a/\""), report.toString());
  }

  @Test
  void sarifCategoryWithoutASarifReportIsAUsageError() {
    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--sarif-category", "site-a");

    assertEquals(2, run.exitCode());
    assertEquals("""
        --sarif-category names the run of a SARIF report, and none is written; add --format sarif:FILE
        Try 'rampart evaluate --help' for more information.
        """, run.err());
    assertEquals("", run.out());
  }

  @Test
  void anEmptySarifCategoryIsAUsageError() {
    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", "sarif", "--sarif-category", "/");

    assertEquals(2, run.exitCode());
    assertEquals("""
        --sarif-category: the SARIF category '/' is empty; give the site or part of the estate the run covers, e.g. site-a
        Try 'rampart evaluate --help' for more information.
        """, run.err());
    assertEquals("", run.out());
  }
}
