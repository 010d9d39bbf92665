package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A run builds the options of the command it runs only; the help and a mistyped command still see them all. */
class SubcommandsTest {

  private static final List<Class<?>> ALL = List.copyOf(RampartCommand.subcommands().values());

  @Test
  void eachSubcommandIsListedUnderTheNameItsCommandAnnotationGives() {
    for (Map.Entry<String, Class<?>> subcommand : RampartCommand.subcommands().entrySet()) {
      assertEquals(subcommand.getValue().getAnnotation(Command.class).name(), subcommand.getKey());
    }
  }

  @Test
  void aRunNeedsOnlyTheCommandItNamesAfterTheTopLevelOptions() {
    assertEquals(List.of(EvaluateCommand.class), RampartCommand.subcommandsFor("evaluate", "site.yaml", "--help"));
    assertEquals(List.of(ValidateCommand.class), RampartCommand.subcommandsFor("--debug", "validate", "iot-baseline"));
  }

  @Test
  void noCommandAnUnknownOneHelpAndCompletionNeedThemAll() {
    assertEquals(ALL, RampartCommand.subcommandsFor());
    assertEquals(ALL, RampartCommand.subcommandsFor("--version"));
    assertEquals(ALL, RampartCommand.subcommandsFor("evalute", "site.yaml"));
    assertEquals(ALL, RampartCommand.subcommandsFor("help", "evaluate"));
    assertEquals(ALL, RampartCommand.subcommandsFor("completion"));
  }

  @Test
  void theHelpCommandStillShowsAnotherCommandsUsage() {
    CliRun run = CliRun.of("help", "validate");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: rampart validate [-hV] [--debug] PACK...\n"), run.out());
  }

  @Test
  void theCompletionScriptStillCompletesEveryCommand() {
    CliRun run = CliRun.of("completion");

    assertEquals(0, run.exitCode());
    for (String command : RampartCommand.subcommands().keySet()) {
      assertTrue(run.out().contains("_picocli_rampart_" + command + "()"), () -> command + " not completed");
    }
  }
}
