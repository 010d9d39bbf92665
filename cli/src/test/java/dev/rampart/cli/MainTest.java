package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

  private static final String PACK = "src/test/resources/packs/test-pack.yaml";

  @Test
  void versionComesFromTheJarManifestAndIsDevOutsideAJar() {
    CliRun run = CliRun.of("--version");

    assertEquals(0, run.exitCode());
    assertEquals("rampart dev\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CliRun run = CliRun.of("--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: rampart [-hV] [--debug] [COMMAND]\n"), run.out());
    assertTrue(run.out().contains("  evaluate    Evaluates the facts in inventory files"), run.out());
    assertTrue(run.out().contains("""
        Exit codes:
          0  passed: no FAIL at or above the --fail-on severity
          1  the gate failed
          2  usage or input error (nothing was evaluated or written)
          3  internal error in rampart
        """), run.out());
  }

  @Test
  void evaluateHelpDocumentsEveryOptionAndTheExitCodes() {
    CliRun run = CliRun.of("evaluate", "--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: rampart evaluate "), run.out());
    for (String option : new String[] {
        "FILE...", "--pack=ID|PATH", "--param=NAME=VALUE", "--now=INSTANT", "--format=FMT[:FILE]",
        "--fail-on=SEVERITY", "--only-findings", "--debug", "--identity-keys=KEY[,KEY...]",
        "--source-precedence=TYPE[,TYPE...]", "--allow-partial", "--allow-errors", "--max-facts=N", "--time-limit=DURATION"}) {
      assertTrue(run.out().contains(option), () -> option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("""
        Exit codes:
          0  passed: no FAIL or ERROR result at or above the --fail-on severity
             (with --fail-on-unknown: no UNKNOWN either; with --allow-errors, ERROR
             results pass) that is neither waived nor in the --baseline, and no
             expired waiver
          1  the gate failed: such a result, or a waiver that covers a finding has
             expired; or the evaluation is incomplete (it stopped at --max-facts or
             --time-limit), which never passes, even with --fail-on never
          2  usage or input error: a bad option, an unreadable or invalid inventory,
        """), run.out());
    assertTrue(run.out().contains("  3  internal error in rampart: run again with --debug and please report it\n"));
  }

  @Test
  void helpCommandShowsACommandsHelp() {
    assertEquals(CliRun.of("evaluate", "--help").out(), CliRun.of("help", "evaluate").out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertEquals(2, run.exitCode());
    assertEquals("""
        Missing command: try 'rampart evaluate FILE...'
        Try 'rampart --help' for more information.
        """, run.err());
  }

  @Test
  void unknownOptionIsAUsageErrorWithAPointerToTheHelp() {
    CliRun run = CliRun.of("evaluate", "--colour", "site.yaml");

    assertEquals(2, run.exitCode());
    assertEquals("""
        Unknown option: '--colour'
        Try 'rampart evaluate --help' for more information.
        """, run.err());
    assertEquals("", run.out());
  }

  @Test
  void misspelledCommandSuggestsTheRightOne() {
    CliRun run = CliRun.of("evaluat", "site.yaml");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Did you mean: rampart evaluate"), run.err());
  }

  @Test
  void internalErrorIsOneLineWithoutStackTrace() {
    Output output = new Output();

    int exitCode = withBrokenCommand(output).execute("broken");

    assertEquals(3, exitCode);
    assertEquals(
        "rampart: internal error: the engine tripped; please report it (run with --debug for details)\n",
        output.err());
  }

  @Test
  void internalErrorShowsTheStackTraceWithDebug() {
    Output output = new Output();

    int exitCode = withBrokenCommand(output).execute("broken", "--debug");

    assertEquals(3, exitCode);
    String[] lines = output.err().split("\n");
    assertEquals("rampart: internal error: the engine tripped; please report it (run with --debug for details)", lines[0]);
    assertEquals("java.lang.IllegalStateException: the engine tripped", lines[1]);
    assertTrue(lines[2].strip().startsWith("at dev.rampart.cli.MainTest$BrokenCommand.run"), lines[2]);
  }

  @Test
  void internalErrorWithoutMessageNamesTheException() {
    Output output = new Output();
    CommandLine commandLine = Main.commandLine(output.out, output.err, false);
    commandLine.addSubcommand("npe", new NullPointerCommand());

    assertEquals(3, commandLine.execute("npe"));
    assertEquals(
        "rampart: internal error: java.lang.NullPointerException; please report it (run with --debug for details)\n",
        output.err());
  }

  @Test
  void aStackOverflowIsAnInternalErrorOfOneLineNotAFailedGate() {
    // the failing source is on the test class path only: it throws what a bug meeting a deep input would
    CliRun run = CliRun.of("evaluate", "--source", "failing:stack-overflow", "--pack", PACK);

    assertEquals(3, run.exitCode());
    assertEquals("rampart: internal error: the stack overflowed (an input nested too deeply for rampart to check);"
        + " please report it (run with --debug for details)\n", run.err());
  }

  @Test
  void runningOutOfMemoryIsAnInternalErrorOfOneLineNotAFailedGate() {
    CliRun run = CliRun.of("evaluate", "--source", "failing:out-of-memory", "--pack", PACK);

    assertEquals(3, run.exitCode());
    assertEquals("rampart: internal error: out of memory (Java heap space; a larger heap, e.g."
        + " RAMPART_JAVA_OPTS=-Xmx4g, may help); please report it (run with --debug for details)\n", run.err());
  }

  @Test
  void anErrorShowsItsStackTraceWithDebug() {
    CliRun run = CliRun.of("evaluate", "--source", "failing:stack-overflow", "--pack", PACK, "--debug");

    assertEquals(3, run.exitCode());
    assertTrue(run.err().lines().skip(1).findFirst().orElseThrow().startsWith("java.lang.StackOverflowError"),
        run.err());
  }

  // A test-only command stands in for a defect in rampart: no input makes the real commands fail this way.
  private static CommandLine withBrokenCommand(Output output) {
    CommandLine commandLine = Main.commandLine(output.out, output.err, false);
    commandLine.addSubcommand("broken", new BrokenCommand());
    return commandLine;
  }

  @Command(name = "broken")
  static final class BrokenCommand implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("the engine tripped");
    }
  }

  @Command(name = "npe")
  static final class NullPointerCommand implements Runnable {
    @Override
    public void run() {
      throw new NullPointerException();
    }
  }

  private static final class Output {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
  }
}
