package dev.rampart.cli;

import dev.rampart.cli.command.ExitCode;
import dev.rampart.cli.command.RampartCommand;
import dev.rampart.spi.source.DisplayText;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code rampart} command: runs one command and exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String... args) {
    System.exit(run(System.out, System.err, stdoutIsColourTerminal(), args));
  }

  /**
   * Runs the command line without colour, writing to the given streams.
   *
   * @return the exit code: 0 passed, 1 gate failed, 2 usage or input error, 3 internal error
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, false, args);
  }

  private static int run(PrintStream out, PrintStream err, boolean colour, String... args) {
    CommandLine commandLine = commandLine(out, err, colour, RampartCommand.subcommandsFor(args));
    try {
      return commandLine.execute(args);
    } catch (Error error) {
      // picocli hands on Errors (a stack overflow, the heap exhausted): still a bug of ours, never a
      // failed gate, and the user sees one line, not the JVM's stack trace and exit code 1
      PrintWriter errWriter = commandLine.getErr();
      errWriter.println("rampart: internal error: " + describe(error) + "; please report it (run with --debug for"
          + " details)");
      if (debugRequested(commandLine.getParseResult())) {
        error.printStackTrace(errWriter);
      }
      return ExitCode.INTERNAL_ERROR;
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }

  /**
   * The {@code rampart} command line with its output streams, colour scheme and exit-code handling
   * set up, ready to {@link CommandLine#execute execute}.
   */
  public static CommandLine commandLine(PrintStream out, PrintStream err, boolean colour) {
    return commandLine(out, err, colour, List.copyOf(RampartCommand.subcommands().values()));
  }

  // Picocli reflects on every option of every subcommand it is given: a run gives it only those it needs.
  private static CommandLine commandLine(PrintStream out, PrintStream err, boolean colour, List<Class<?>> subcommands) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err)), true);
    CommandLine commandLine = new CommandLine(new RampartCommand(colour));
    subcommands.forEach(commandLine::addSubcommand);
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    commandLine.setColorScheme(Help.defaultColorScheme(colour ? Help.Ansi.ON : Help.Ansi.OFF));
    commandLine.setParameterExceptionHandler(Main::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          errWriter.println(
              "rampart: internal error: " + describe(exception) + "; please report it (run with --debug for details)");
          if (debugRequested(parseResult)) {
            exception.printStackTrace(errWriter);
          }
          errWriter.flush();
          return ExitCode.INTERNAL_ERROR;
        });
    return commandLine;
  }

  // A usage mistake gets its message and a pointer to the help, not the whole help text.
  private static int usageError(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println(exception.getMessage());
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.INPUT_ERROR;
  }

  // NO_COLOR (https://no-color.org) disables colour when set to any non-empty value.
  private static boolean stdoutIsColourTerminal() {
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty());
  }

  private static String describe(Throwable failure) {
    if (failure instanceof StackOverflowError) {
      return "the stack overflowed (an input nested too deeply for rampart to check)";
    }
    if (failure instanceof OutOfMemoryError) {
      return "out of memory (" + failure.getMessage() + "; a larger heap, e.g. RAMPART_JAVA_OPTS=-Xmx4g, may help)";
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getName() : DisplayText.escape(message);
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption(RampartCommand.DEBUG_OPTION)) {
        return true;
      }
    }
    return false;
  }
}
