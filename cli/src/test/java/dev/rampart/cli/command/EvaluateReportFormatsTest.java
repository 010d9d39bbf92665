package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @ValueSource(strings = {"sarif", "junit", "html"})
  void aReportToAFileLeavesStandardOutputEmpty(String format) throws IOException {
    Path report = dir.resolve("report." + format);

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format + ":" + report);

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(Files.size(report) > 0, report + " is written");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sarif", "junit", "html"})
  void aReportWithoutAFileIsWrittenToStandardOutput(String format) throws IOException {
    Path report = dir.resolve("report." + format);
    CliRun toFile = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format + ":" + report);

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--format", format);

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(toFile.exitCode(), run.exitCode());
    assertEquals(Files.readString(report, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"), run.out());
  }
}
