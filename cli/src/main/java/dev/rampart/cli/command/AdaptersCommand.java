package dev.rampart.cli.command;

import dev.rampart.sources.Sources;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceRole;
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
      "Lists the fact source types available to --source TYPE:LOCATION: each type's id, its role and the"
          + " class that provides it. Add an adapter's jar to the class path to add a type.",
      "A systemOfRecord lists the devices the organisation manages, discovery sees devices that exist and"
          + " a description describes devices others report; a device only discovery saw is unmanaged."
          + " --source-option role=ROLE changes a source's role for one run.",
      "Adapters read secrets (passwords, tokens, keys) from environment variables or files named in"
          + " their options, never from command-line flags; see each adapter's documentation."
    })
public final class AdaptersCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Sources sources = Sources.discover();
    int width = Math.max("TYPE".length(), sources.ids().stream().mapToInt(String::length).max().orElse(0));
    int roleWidth = WireNames.all(SourceRole.class).stream().mapToInt(String::length).max().orElse(0);
    String row = "%-" + width + "s  %-" + roleWidth + "s  %s";
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, row, "TYPE", "ROLE", "PROVIDER"));
    for (FactSourceProvider provider : sources.providers()) {
      out.println(String.format(Locale.ROOT, row, provider.id(), WireNames.of(provider.role()),
          provider.getClass().getName()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
