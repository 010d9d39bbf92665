package dev.rampart.cli.command;

import dev.rampart.cli.input.Inventory;
import dev.rampart.cli.input.Sources;
import dev.rampart.cli.report.AtomicFiles;
import dev.rampart.cli.report.Evaluation;
import dev.rampart.cli.report.Gate;
import dev.rampart.cli.report.JsonReport;
import dev.rampart.cli.report.ReportWriter;
import dev.rampart.cli.report.TextReport;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.PackLoadException;
import dev.rampart.engine.Report;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.Severity;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rampart evaluate}: checks inventory files against rule packs and reports the results. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Evaluates the facts in inventory files against rule packs and reports the results.",
      "Every input is checked before anything is evaluated: on a mistake, rampart lists all it found,"
          + " writes no report and exits with 2."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  passed: no FAIL result at or above the --fail-on severity",
      "  1  the gate failed: a rule at or above the --fail-on severity failed",
      "  2  usage or input error: a bad option, an unreadable or invalid inventory,",
      "     an invalid pack or parameter, a duplicate fact id or a reference to an",
      "     unknown fact; found before evaluating, so no report was written. Also",
      "     when a report file could not be written.",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart evaluate site.yaml",
      "  rampart evaluate site.yaml --pack my-pack.yaml --now 2026-11-25",
      "  rampart evaluate site.yaml --fail-on critical --format json:report.json"
    })
public final class EvaluateCommand implements Callable<Integer> {

  /** The pack evaluated when no {@code --pack} is given. */
  public static final String DEFAULT_PACK = "iot-baseline";

  private static final String INVENTORY_SOURCE = "inventory";

  @Spec private CommandSpec spec;

  @ParentCommand private RampartCommand parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Inventory files (YAML or JSON) with the devices, networks, vendors and deployment.")
  private List<String> files = new ArrayList<>();

  @Option(
      names = "--pack",
      paramLabel = "ID|PATH",
      description = "A rule pack: a pack file, or the id of a built-in pack. Repeatable."
          + " Default: " + DEFAULT_PACK + ".")
  private List<String> packs = new ArrayList<>();

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Overrides a pack parameter, e.g. maxFirmwareAge=P180D. Repeatable.")
  private Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "The time to evaluate at: an ISO-8601 instant (2026-11-25T00:00:00Z) or a date"
          + " (2026-11-25, the start of that day in UTC). Default: the current time.")
  private @Nullable Instant now;

  @Option(
      names = "--format",
      paramLabel = "FMT[:FILE]",
      converter = ReportTarget.Converter.class,
      description = "A report to write: text or json, to standard output or, with :FILE, to a file."
          + " Repeatable. Default: text.")
  private List<ReportTarget> formats = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = GateConverter.class,
      defaultValue = "high",
      description = "Exit with 1 when a rule of this severity or higher fails: info, low, medium, high,"
          + " critical, or never. Default: ${DEFAULT-VALUE}.")
  private Gate gate = Gate.atLeast(Severity.HIGH);

  @Option(
      names = "--only-findings",
      description = "List only FAIL, UNKNOWN and ERROR results in the JSON report (the summary still"
          + " counts every result).")
  private boolean onlyFindings;

  @Override
  public Integer call() {
    List<ReportTarget> targets = reportTargets();
    PrintWriter err = spec.commandLine().getErr();

    List<String> problems = new ArrayList<>(unwritableTargets(targets));
    Inventory inventory = readInventory(problems);
    ComplianceEngine engine = buildEngine(problems);
    if (inventory != null) {
      problems.addAll(inventory.problems());
    }
    if (!problems.isEmpty() || inventory == null || engine == null) {
      problems.forEach(err::println);
      return ExitCode.INPUT_ERROR;
    }

    Report report = engine.evaluate(inventory.facts());
    Evaluation evaluation = new Evaluation(report, files, inventory.origins(), gate, ToolVersion.current());
    for (ReportTarget target : targets) {
      try {
        write(target, evaluation);
      } catch (IOException e) {
        err.println("rampart: cannot write the " + target.format().wireName() + " report to '" + target.file()
            + "': " + e.getMessage());
        return ExitCode.INPUT_ERROR;
      }
    }
    return gate.failed(report) ? ExitCode.GATE_FAILED : ExitCode.OK;
  }

  private List<ReportTarget> reportTargets() {
    List<ReportTarget> targets = formats.isEmpty() ? List.of(ReportTarget.textToStdout()) : formats;
    long toStdout = targets.stream().filter(target -> target.file() == null).count();
    if (toStdout > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Only one --format can write to standard output; give the others a file, e.g. --format json:report.json");
    }
    Set<Path> files = new HashSet<>();
    for (ReportTarget target : targets) {
      if (target.file() != null && !files.add(target.file().toAbsolutePath().normalize())) {
        throw new ParameterException(
            spec.commandLine(), "Two --format options write to '" + target.file() + "'; give each its own file");
      }
    }
    return targets;
  }

  private static List<String> unwritableTargets(List<ReportTarget> targets) {
    List<String> problems = new ArrayList<>();
    for (ReportTarget target : targets) {
      Path file = target.file();
      if (file == null) {
        continue;
      }
      Path directory = file.toAbsolutePath().getParent();
      Path shown = file.getParent() == null ? Path.of(".") : file.getParent();
      String prefix = "rampart: cannot write the " + target.format().wireName() + " report to '" + file + "': ";
      if (Files.isDirectory(file)) {
        problems.add(prefix + "it is a directory (name a file in it, e.g. "
            + file.resolve("report." + target.format().extension()) + ")");
      } else if (directory == null || !Files.isDirectory(directory)) {
        problems.add(prefix + "directory '" + shown + "' does not exist (create it first)");
      } else if (!Files.isWritable(directory)) {
        problems.add(prefix + "directory '" + shown + "' is not writable");
      }
    }
    return problems;
  }

  private @Nullable Inventory readInventory(List<String> problems) {
    try {
      return Inventory.read(Sources.discover().provider(INVENTORY_SOURCE), files);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private @Nullable ComplianceEngine buildEngine(List<String> problems) {
    List<String> requested = packs.isEmpty() ? List.of(DEFAULT_PACK) : packs;
    List<RulePack> loaded = new ArrayList<>();
    for (String pack : requested) {
      try {
        loaded.add(loadPack(pack));
      } catch (PackLoadException e) {
        problems.add(e.getMessage());
      }
    }
    if (loaded.size() < requested.size()) {
      return null;
    }
    ComplianceEngine.Builder builder = ComplianceEngine.builder()
        .clock(now == null ? Clock.tickSeconds(ZoneOffset.UTC) : Clock.fixed(now, ZoneOffset.UTC));
    loaded.forEach(builder::pack);
    parameters.forEach(builder::parameter);
    try {
      return builder.build();
    } catch (PackLoadException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  // A value naming an existing file is a pack file; anything else is the id of a built-in pack,
  // and RulePacks explains when it is neither.
  private static RulePack loadPack(String pack) throws PackLoadException {
    try {
      Path path = Path.of(pack);
      if (Files.isRegularFile(path)) {
        return RulePacks.load(path);
      }
    } catch (InvalidPathException e) {
      // not a path on this platform: only a built-in id remains
    }
    return RulePacks.builtin(pack);
  }

  private void write(ReportTarget target, Evaluation evaluation) throws IOException {
    Path file = target.file();
    if (file == null) {
      writer(target, parent.colour()).write(evaluation, spec.commandLine().getOut());
    } else {
      ReportWriter writer = writer(target, false);
      AtomicFiles.write(file, out -> writer.write(evaluation, out));
    }
  }

  private ReportWriter writer(ReportTarget target, boolean colour) {
    return switch (target.format()) {
      case TEXT -> colour ? TextReport.coloured() : TextReport.plain();
      case JSON -> onlyFindings ? JsonReport.onlyFindings() : JsonReport.allResults();
    };
  }
}
