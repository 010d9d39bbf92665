package dev.rampart.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rampart completion}: a completion script for bash and zsh, generated from the commands' options. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Prints a completion script for bash and zsh (zsh loads it through bashcompinit).",
      "Enable it for the current shell with:  source <(rampart completion)",
      "or for every shell by adding that line to ~/.bashrc or ~/.zshrc."
    })
public final class CompletionCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    out.flush();
    return ExitCode.OK;
  }
}
