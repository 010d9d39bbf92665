package dev.rampart.cli.command;

import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rampart adapters}: the fact source types on the class path, for {@code --source TYPE:LOCATION};
 * with {@code --check}, what one source gives: facts, skipped records and field coverage.
 */
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
          + " their options, never from command-line flags; see each adapter's documentation.",
      "With --check TYPE:LOCATION, reads that one source as 'rampart evaluate' does, with the records it"
          + " cannot read skipped (as --allow-partial does), and reports what it read (facts by type, when"
          + " collected), every skipped record and warning, and for each fact type every field of the fact"
          + " model with how many facts the source filled it in: what the source can and cannot tell."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  listed, or the source was read (skipped records, if any, are in the report)",
      "  2  usage error, or the source cannot be read at all (its problems on standard error)",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart adapters",
      "  rampart adapters --check nmap:scan.xml",
      "  rampart adapters --check netbox:https://netbox.example.com --source-option tokenEnv=NETBOX_TOKEN"
          + " --format json"
    })
public final class AdaptersCommand implements Callable<Integer> {

  private static final String SOURCE_OPTION = "--source-option";
  private static final String TEXT = "text";
  private static final String JSON = "json";

  @Spec private CommandSpec spec;

  @Option(
      names = "--check",
      paramLabel = "TYPE:LOCATION",
      description = "Reads this source and reports what it gives: facts, skipped records, warnings and"
          + " field coverage, e.g. nmap:scan.xml.")
  private @Nullable String check;

  @Option(
      names = SOURCE_OPTION,
      paramLabel = "KEY=VALUE",
      description = "A setting of the --check source, as to 'rampart evaluate', e.g. exposure=internal."
          + " Repeatable. Never a secret.")
  private List<String> sourceOptions = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "How --check reports: text (default) or json (docs/adapters/README.md gives its shape).")
  private String format = TEXT;

  @Override
  public Integer call() {
    if (check == null) {
      if (!sourceOptions.isEmpty() || spec.commandLine().getParseResult().hasMatchedOption("--format")) {
        throw new ParameterException(spec.commandLine(),
            SOURCE_OPTION + " and --format configure --check: name the source to check, e.g. --check nmap:scan.xml");
      }
      return list();
    }
    if (!format.equals(TEXT) && !format.equals(JSON)) {
      throw new ParameterException(spec.commandLine(), "--format '" + format + "' is not a format of --check: use "
          + TEXT + " or " + JSON);
    }
    Sources sources = Sources.discover();
    SourceSpec source = checkedSource(check);
    SourceCheck result;
    try {
      result = SourceCheck.read(sources, source);
    } catch (SourceException e) {
      PrintWriter err = spec.commandLine().getErr();
      e.problems().forEach(err::println);
      err.flush();
      return ExitCode.INPUT_ERROR;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals(JSON)) {
      try {
        SourceCheckJson.write(result, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      SourceCheckText.write(result, out);
    }
    return ExitCode.OK;
  }

  private int list() {
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

  // The source and its options are read exactly as 'evaluate' reads --source and --source-option
  // (KEY=VALUE, never a secret), by the same mixin, so the two commands cannot come to differ.
  private SourceSpec checkedSource(String text) {
    try {
      SourceSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--check': " + e.getMessage());
    }
    List<String> args = new ArrayList<>(List.of("--source", text));
    sourceOptions.forEach(option -> args.addAll(List.of(SOURCE_OPTION, option)));
    CheckedSource parsed = new CheckedSource();
    try {
      new CommandLine(parsed).parseArgs(args.toArray(String[]::new));
      return parsed.inputs.sources().get(0);
    } catch (ParameterException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The source options of {@code evaluate}, to read one {@code --check} source with. */
  @Command(name = "adapters")
  static final class CheckedSource {
    @Mixin FactInputs inputs;
  }
}
