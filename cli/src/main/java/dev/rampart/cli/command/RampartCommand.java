package dev.rampart.cli.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The subcommands by the name their {@code @Command} gives, in the order the help lists them. They are
   * registered by {@link #subcommandsFor} rather than in {@code @Command}, so that a run builds the options
   * of the one command it runs only; the names are written out, since reading them from the annotations
   * costs a cold start more than picocli's own work for one command.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS;

  static {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    byName.put("evaluate", EvaluateCommand.class);
    byName.put("test", TestCommand.class);
    byName.put("validate", ValidateCommand.class);
    byName.put("rules", RulesCommand.class);
    byName.put("help", HelpCommand.class);
    byName.put("explain", ExplainCommand.class);
    byName.put("adapters", AdaptersCommand.class);
    byName.put("completion", CompletionCommand.class);
    byName.put("generate", GenerateCommand.class);
    byName.put("pack", PackCommand.class);
    byName.put("init", InitCommand.class);
    SUBCOMMANDS = Collections.unmodifiableMap(byName);
  }

  /** Commands that read the other commands' options: they need every one registered. */
  private static final List<String> ABOUT_ALL_COMMANDS = List.of("help", "completion");

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

  /** Every subcommand by its name, in the order the help lists them. */
  public static Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  /**
   * The subcommands a command line needs: the one it names, or every one when it names none, names one
   * not known (picocli then suggests the nearest) or asks for help or completion. The top-level command's
   * own options take no value, so the first argument that is not an option names the subcommand.
   */
  public static List<Class<?>> subcommandsFor(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        Class<?> named = SUBCOMMANDS.get(arg);
        return named == null || ABOUT_ALL_COMMANDS.contains(arg) ? List.copyOf(SUBCOMMANDS.values()) : List.of(named);
      }
    }
    return List.copyOf(SUBCOMMANDS.values());
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'rampart evaluate FILE...'");
  }
}
