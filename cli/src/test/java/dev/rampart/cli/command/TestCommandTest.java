package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rampart test} wires the pack test runner (whose reports pack-testing's own tests state): the
 * report on standard output, problems on standard error, and the runner's verdict as the exit code. The
 * packs are pack-testing's small test packs ({@code packtest/NAME/pack.yaml}, fixtures in {@code tests/}).
 */
class TestCommandTest {

  private static final String PACKS = "../pack-testing/src/test/resources/packtest/";

  @Test
  void aPackWhoseFixturesAllHoldAndCoverEveryRulePasses() {
    CliRun run = CliRun.of("test", PACKS + "passing/pack.yaml");

    assertTrue(run.out().startsWith("Testing packtest-demo 0.3.0 (3 rules) with 2 fixture files from " + PACKS
        + "passing/tests/\n"), run.out());
    assertTrue(run.out().endsWith("\n9 passed, 0 failed\n"), run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void aMismatchOrMissingCoverageFailsWithExitCodeOne() {
    CliRun run = CliRun.of("test", PACKS + "failing/pack.yaml");

    assertTrue(run.out().contains("\nMismatches: DEMO-001 on cam-01\n"), run.out());
    assertTrue(run.out().endsWith("\n3 passed, 1 failed\n"), run.out());
    assertEquals("", run.err());
    assertEquals(1, run.exitCode());
  }

  @Test
  void aMismatchPrintsTheExplainCommandThatShowsWhyAndThatCommandExplainsTheMismatchedResult() {
    CliRun test = CliRun.of("test", PACKS + "failing/pack.yaml");
    String why = test.out().lines().filter(line -> line.startsWith("      why: ")).findFirst().orElseThrow();

    assertEquals("      why: rampart explain --rule DEMO-001 --fact cam-01 --pack " + PACKS + "failing/pack.yaml"
        + " --now 2026-11-25T00:00:00Z --source inventory:" + PACKS + "failing/tests/devices.yaml"
        + " --source-option embeddedAt=facts", why);
    List<String> words = List.of(why.substring("      why: rampart ".length()).split(" "));
    CliRun explain = CliRun.of(words.toArray(String[]::new));
    assertEquals("""
        DEMO-001  No default password (pack packtest-demo, critical, identity)
        for device/cam-01 at ../pack-testing/src/test/resources/packtest/failing/tests/devices.yaml:4:7

        when: (none: the rule applies to every device)
        assert:
          FAILS    credentials.defaultPassword equals false
                     credentials.defaultPassword = true (expected equals false)

        result:  FAIL
        message: cam-01 still has its default password
        """, explain.out());
    assertEquals("", explain.err());
    assertEquals(0, explain.exitCode());
  }

  @Test
  void mistakesInTheFixturesGoToStandardErrorWithExitCodeTwo() {
    CliRun run = CliRun.of("test", PACKS + "bad-fixtures/pack.yaml");

    assertTrue(run.err().startsWith("11 problems in the tests of pack packtest-demo; nothing was evaluated:\n1. "
        + PACKS + "bad-fixtures/tests/bad-inventory.yaml:4:21: "), run.err());
    assertEquals("", run.out());
    assertEquals(2, run.exitCode());
  }

  @Test
  void aPackThatCannotBeLoadedIsAnInputError() {
    CliRun run = CliRun.of("test", "no-such-pack");

    assertTrue(run.err().startsWith("1 problem in rule pack:\n1. no-such-pack: the pack is not a built-in pack"),
        run.err());
    assertEquals(2, run.exitCode());
  }

  @Test
  void theBuiltInPackPassesItsTests() {
    CliRun run = CliRun.of("test", "iot-baseline");

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Testing iot-baseline "), run.out());
    assertTrue(run.out().endsWith(" passed, 0 failed\n"), run.out());
  }

  @Test
  void withSeveralPacksTheWorstResultDecidesTheExitCode() {
    CliRun failed = CliRun.of("test", PACKS + "passing", PACKS + "failing");
    CliRun broken = CliRun.of("test", PACKS + "failing", PACKS + "bad-fixtures", PACKS + "passing");

    assertEquals(1, failed.exitCode());
    assertTrue(failed.out().startsWith("Testing packtest-demo 0.3.0 (3 rules) with 2 fixture files"), failed.out());
    assertTrue(failed.out().contains("\n9 passed, 0 failed\n\nTesting packtest-demo 0.3.0 (3 rules) with 1 fixture file"),
        failed.out());
    assertTrue(failed.out().endsWith("\n3 passed, 1 failed\n"), failed.out());
    assertEquals(2, broken.exitCode());
  }

  @Test
  void helpDocumentsTheExitCodes() {
    CliRun run = CliRun.of("test", "--help");

    assertTrue(run.out().startsWith("Usage: rampart test [-hV] [--debug] [--format=FMT:FILE]... PACK...\n"), run.out());
    assertTrue(run.out().contains("""
        Exit codes:
          0  every expected outcome was met and every rule was seen PASS and FAIL
          1  an outcome was not the expected one, or a rule was not seen PASS and FAIL
          2  usage or input error: a bad pack or fixture file (named with its
             file:line:column), or an expectation naming an unknown rule or fact;
             nothing was evaluated
        """), run.out());
  }
}
