package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress shows only for runs that last, and only in a terminal; tests run without one. */
class ProgressTest {

  @Test
  void aLongRunShowsItsStepsAndHowLongItTook() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.showingAfter(new PrintWriter(err), Duration.ZERO);

    progress.step("read 3 facts");
    waitUntilShown(err);
    progress.step("evaluating\u2026");
    progress.done();

    String[] lines = err.toString().split(System.lineSeparator());
    assertEquals("rampart: read 3 facts", lines[0]);
    assertEquals("rampart: evaluating\u2026", lines[1]);
    assertTrue(lines[2].matches("rampart: done in \\d+\\.\\d s"), lines[2]);
    assertEquals(3, lines.length);
  }

  @Test
  void aQuickRunShowsNothing() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.showingAfter(new PrintWriter(err), Duration.ofHours(1));

    progress.step("read 3 facts");
    progress.step("evaluating\u2026");
    progress.done();

    assertEquals("", err.toString());
  }

  @Test
  void withoutATerminalEvaluateWritesNothingToStandardError() {
    CliRun run = CliRun.of("evaluate", "src/test/resources/inventories/site.yaml",
        "--pack", "src/test/resources/packs/test-pack.yaml");

    assertEquals(1, run.exitCode());
    assertEquals("", run.err());
  }

  private static void waitUntilShown(StringWriter err) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (err.toString().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }
}
