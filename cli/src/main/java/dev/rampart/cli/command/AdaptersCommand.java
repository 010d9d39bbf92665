package dev.rampart.cli.command;

import dev.rampart.sources.Sources;
import dev.rampart.spi.source.FactSourceProvider;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rampart adapters}: the fact source types on the class path, for {@code --source TYPE:LOCATION}. */
@Command(
    name = "adapters",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Lists the fact source types available to --source TYPE:LOCATION: each type's id and the class"
          + " that provides it. Add an adapter's jar to the class path to add a type.",
      "Adapters read secrets (passwords, tokens, keys) from environment variables or files named in"
          + " their options, never from command-line flags; see each adapter's documentation."
    })
public final class AdaptersCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Sources sources = Sources.discover();
    int width = Math.max("TYPE".length(), sources.ids().stream().mapToInt(String::length).max().orElse(0));
    String row = "%-" + width + "s  %s";
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, row, "TYPE", "PROVIDER"));
    for (FactSourceProvider provider : sources.providers()) {
      out.println(String.format(Locale.ROOT, row, provider.id(), provider.getClass().getName()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
