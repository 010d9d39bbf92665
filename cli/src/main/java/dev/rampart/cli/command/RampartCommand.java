package dev.rampart.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code rampart} command; its subcommands do the work. */
@Command(
    name = "rampart",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = "Checks IoT deployments against compliance rule packs.",
    subcommands = {
      EvaluateCommand.class, TestCommand.class, ValidateCommand.class, RulesCommand.class, HelpCommand.class,
      ExplainCommand.class, AdaptersCommand.class, CompletionCommand.class, GenerateCommand.class, PackCommand.class,
      InitCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  passed: no FAIL at or above the --fail-on severity",
      "  1  the gate failed",
      "  2  usage or input error (nothing was evaluated or written)",
      "  3  internal error in rampart",
      "",
      "Run 'rampart COMMAND --help' for a command's options."
    })
public final class RampartCommand implements Callable<Integer> {

  /** The option that adds stack traces to internal errors, accepted by every command. */
  public static final String DEBUG_OPTION = "--debug";

  private final boolean colour;

  @Spec private CommandSpec spec;

  @Option(
      names = DEBUG_OPTION,
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of internal errors.")
  private boolean debug;

  public RampartCommand(boolean colour) {
    this.colour = colour;
  }

  /** Whether output to the terminal may use ANSI colour. */
  boolean colour() {
    return colour;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'rampart evaluate FILE...'");
  }
}
