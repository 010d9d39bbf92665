package dev.rampart.cli.command;

import dev.rampart.cli.input.InventoryProvenance;
import dev.rampart.cli.input.StreamedInventory;
import dev.rampart.engine.AssessmentCoverage;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.WaiverLoadException;
import dev.rampart.engine.Waivers;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.oscal.AssessmentResults;
import dev.rampart.reports.Evaluation;
import dev.rampart.reports.ExpiringWaivers;
import dev.rampart.reports.Gate;
import dev.rampart.reports.HtmlReport;
import dev.rampart.reports.JsonReport;
import dev.rampart.reports.JunitReport;
import dev.rampart.reports.ReportWriter;
import dev.rampart.reports.SarifReport;
import dev.rampart.reports.TextReport;
import dev.rampart.reports.baseline.Baseline;
import dev.rampart.reports.baseline.BaselineException;
import dev.rampart.sources.FailedSource;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.spi.source.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code rampart evaluate}: checks inventory files against rule packs and reports the results. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Evaluates the facts in inventory files and other sources against rule packs and reports the results.",
      "Every input is checked before anything is evaluated: on a mistake, rampart lists all it found,"
          + " writes no report and exits with 2."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  passed: no FAIL or ERROR result at or above the --fail-on severity",
      "     (with --fail-on-unknown: no UNKNOWN either; with --allow-errors, ERROR",
      "     results pass) that is neither waived nor in the --baseline, and no",
      "     expired waiver",
      "  1  the gate failed: such a result, or a waiver that covers a finding has",
      "     expired; or the evaluation is incomplete (it stopped at --max-facts or",
      "     --time-limit), which never passes, even with --fail-on never",
      "  2  usage or input error: a bad option, an unreadable or invalid inventory,",
      "     source, pack, parameter, waiver file or baseline, a fact id used twice",
      "     in one source or a reference to an unknown fact; found before evaluating,",
      "     so no report was written. Also when a report file could not be written.",
      "     With --allow-partial a source that cannot be read is left out instead,",
      "     unless no source can be read, and a record that cannot be read is",
      "     skipped (every report lists it; every rule of its fact is UNKNOWN).",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart evaluate site.yaml",
      "  rampart evaluate site.yaml --pack my-pack.yaml --now 2026-11-25",
      "  rampart evaluate site.yaml --fail-on critical --format json:report.json",
      "  rampart evaluate site.yaml --waivers waivers.yaml --baseline baseline.json",
      "  rampart evaluate --source inventory:all.yaml --source-option embeddedAt=facts",
      "  rampart evaluate site.yaml --source nmap:scan.xml --source-precedence inventory,nmap"
    })
public final class EvaluateCommand implements Callable<Integer> {

  /** The pack evaluated when no {@code --pack} is given. */
  public static final String DEFAULT_PACK = "iot-baseline";

  @Spec private CommandSpec spec;

  @ParentCommand private RampartCommand parent;

  @Mixin private FactInputs inputs;

  @Mixin private EvaluationLimits limits;

  @Option(
      names = "--format",
      paramLabel = "FMT[:FILE]",
      converter = ReportTarget.Converter.class,
      description = "A report to write, to standard output or, with :FILE, to a file: text (for people),"
          + " json (for machines), sarif (SARIF 2.1.0, for code scanning), junit (JUnit XML, for CI test"
          + " views), html (one self-contained page) or oscal (NIST OSCAL 1.1.2 assessment results, for GRC"
          + " tools). Repeatable. Default: text.")
  private List<ReportTarget> formats = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = GateConverter.class,
      defaultValue = "high",
      description = "Exit with 1 when a rule of this severity or higher fails, or cannot be evaluated (ERROR,"
          + " see --allow-errors): info, low, medium, high, critical, or never. Default: ${DEFAULT-VALUE}.")
  private Gate gate = Gate.atLeast(Severity.HIGH);

  @Option(
      names = "--fail-on-unknown",
      description = "UNKNOWN results (evidence missing) at or above the --fail-on severity fail the gate too.")
  private boolean failOnUnknown;

  @Option(
      names = "--allow-errors",
      description = "ERROR results (a rule that could not be evaluated on a fact, e.g. text where it orders"
          + " numbers) do not fail the gate. By default an ERROR at or above the --fail-on severity fails it"
          + " as a FAIL does, so that a value written oddly cannot turn a violation into a pass.")
  private boolean allowErrors;

  @Option(
      names = "--waivers",
      paramLabel = "FILE",
      description = "A waiver file: FAIL and UNKNOWN results it accepts, until their expiry day, do not fail the"
          + " gate and are reported as waived; an expired waiver that covers a finding fails it. Repeatable.")
  private List<Path> waiverFiles = new ArrayList<>();

  @Option(
      names = "--warn-expiring",
      paramLabel = "PERIOD",
      converter = PeriodConverter.class,
      description = "Warn on standard error about each waiver that applies now (--now) and expires within PERIOD"
          + " (ISO-8601, e.g. P14D, or days, e.g. 14d). The exit code does not change.")
  private @Nullable Period warnExpiring;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "A baseline written by --write-baseline: only FAIL and UNKNOWN results not in it fail the"
          + " gate; results in it that no longer fail are reported as resolved.")
  private @Nullable Path baselineFile;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Records the FAIL and UNKNOWN results of this run in FILE, to gate later runs with --baseline.")
  private @Nullable Path writeBaseline;

  @Option(
      names = "--only-findings",
      description = "List only FAIL, UNKNOWN and ERROR results in the JSON report (the summary still"
          + " counts every result).")
  private boolean onlyFindings;

  @Option(
      names = "--sarif-category",
      paramLabel = "NAME",
      description = "The category of the SARIF report's run (automationDetails.id rampart/PACKS/NAME/), so that"
          + " GitHub code scanning keeps the alerts of each site apart. Default: the inputs as named.")
  private @Nullable String sarifCategory;

  @Override
  public Integer call() {
    List<ReportTarget> targets = reportTargets();
    List<SourceSpec> sources = inputs.sources();
    PrintWriter err = spec.commandLine().getErr();

    try (Progress progress = Progress.forTerminal(err)) {
      List<String> problems = new ArrayList<>(unwritableTargets(targets));
      if (writeBaseline != null) {
        problems.addAll(unwritable(writeBaseline, "baseline", "baseline.json"));
      }
      problems.addAll(overwrittenInputs(targets, sources));
      if (streamable(sources) && problems.isEmpty()) {
        Integer streamed = evaluateStreamed(sources, targets, progress, err);
        if (streamed != null) {
          return streamed;
        }
        // the input needs the ordinary path, which reads it whole and reports every problem with its place
      }
      Inventory inventory = inputs.readInventory(sources, problems);
      if (inventory != null) {
        progress.step("read " + inventory.facts().size() + " facts");
      }
      ComplianceEngine engine = inputs.buildEngine(problems, builder -> limits.applyTo(builder, problems));
      List<Waiver> waivers = loadWaivers(engine, problems);
      Baseline baseline = readBaseline(problems);
      if (inventory != null) {
        problems.addAll(inventory.problems());
      }
      if (!problems.isEmpty() || inventory == null || engine == null) {
        problems.forEach(err::println);
        return ExitCode.INPUT_ERROR;
      }

      inventory.failedSources().forEach(failed -> warnPartial(err, failed));
      FactInputs.warnSkipped(err, inventory.skippedRecords());
      // parts of a source that could not be read: their fields are unknown, so their rules are UNKNOWN
      inventory.warnings().forEach(warning -> err.println("rampart: warning: " + warning));
      progress.step("evaluating\u2026");
      Report report = engine.evaluate(inventory.facts(), new InventoryProvenance(inventory))
          .withWaivers(waivers, inventory.facts(), inventory::originOf);
      Evaluation evaluation = expiring(Evaluation.builder(report), waivers, report.evaluatedAt())
          .inputs(FactInputs.inputNames(sources, inputs.files()))
          .inventory(inventory)
          .gate(verdict(baseline))
          .toolVersion(ToolVersion.current())
          .build();
      warnExpiring(evaluation, err);
      return finish(evaluation, targets, engine, progress, err);
    }
  }

  /**
   * One inventory, no limits: its facts can be evaluated as they are read, without holding them.
   * Waivers that compare a field of the fact need the facts, so they take the ordinary path.
   */
  private boolean streamable(List<SourceSpec> sources) {
    return sources.size() == 1 && sources.get(0).type().equals(FactInputs.INVENTORY_SOURCE) && !limits.any();
  }

  /** The exit code of a streamed evaluation, or null when the input has to be read the ordinary way. */
  private @Nullable Integer evaluateStreamed(
      List<SourceSpec> sources, List<ReportTarget> targets, Progress progress, PrintWriter err) {
    List<String> problems = new ArrayList<>();
    ComplianceEngine engine = inputs.buildEngine(problems, builder -> limits.applyTo(builder, problems));
    List<Waiver> waivers = loadWaivers(engine, problems);
    Baseline baseline = readBaseline(problems);
    if (!problems.isEmpty() || engine == null || waivers.stream().anyMatch(waiver -> waiver.where() != null)) {
      return null;
    }
    progress.step("reading and evaluating\u2026");
    Optional<StreamedInventory> streamed = StreamedInventory.evaluate(Sources.discover(), sources.get(0), engine);
    if (streamed.isEmpty()) {
      return null;
    }
    progress.step("evaluated " + streamed.get().factCount() + " facts");
    Report report = streamed.get().report().withWaivers(waivers, List.of());
    Evaluation evaluation = expiring(Evaluation.builder(report), waivers, report.evaluatedAt())
        .inputs(FactInputs.inputNames(sources, inputs.files()))
        .origins(streamed.get().origins())
        .gate(verdict(baseline))
        .toolVersion(ToolVersion.current())
        .build();
    warnExpiring(evaluation, err);
    return finish(evaluation, targets, engine, progress, err);
  }

  // With --warn-expiring, the reports list the waivers expiring soon too.
  private Evaluation.Builder expiring(Evaluation.Builder builder, List<Waiver> waivers, Instant now) {
    return warnExpiring == null ? builder : builder.expiringWaivers(ExpiringWaivers.of(waivers, now, warnExpiring));
  }

  // Before the reports, so that a text report on standard output is not split by the warnings.
  private static void warnExpiring(Evaluation evaluation, PrintWriter err) {
    Instant now = evaluation.report().evaluatedAt();
    for (Waiver waiver : evaluation.expiring().map(ExpiringWaivers::waivers).orElse(List.of())) {
      err.println("rampart: warning: waiver " + waiver.describe()
          + (waiver.ticket() == null ? "" : " (ticket " + waiver.ticket() + ")")
          + (waiver.location().isEmpty() ? "" : " at " + waiver.location()) + " expires on "
          + ExpiringWaivers.expiry(waiver, now) + " (renew it or fix the finding)");
    }
  }

  /** Reads {@code --warn-expiring}: an ISO-8601 period such as {@code P14D}, or days such as {@code 14d}. */
  static final class PeriodConverter implements ITypeConverter<Period> {

    @Override
    public Period convert(String value) {
      Period period = null;
      try {
        period = value.matches("[0-9]{1,5}[dD]")
            ? Period.ofDays(Integer.parseInt(value.substring(0, value.length() - 1)))
            : Period.parse(value);
      } catch (DateTimeParseException e) {
        // reported below
      }
      if (period == null || period.isNegative()) {
        throw new TypeConversionException("'" + value
            + "' is not a period (write it in ISO-8601, e.g. P14D for 14 days or P1M for a month, or in days, e.g. 14d)");
      }
      return period;
    }
  }

  private Gate verdict(@Nullable Baseline baseline) {
    Gate verdict = gate.failingOnUnknown(failOnUnknown).allowingErrors(allowErrors);
    return baseline == null ? verdict : verdict.withBaseline(baseline);
  }

  /** Writes the reports and the baseline; the exit code. */
  private int finish(Evaluation evaluation, List<ReportTarget> targets, ComplianceEngine engine, Progress progress,
      PrintWriter err) {
    Report report = evaluation.report();
    Gate verdict = evaluation.gate();
    for (ReportTarget target : targets) {
      try {
        write(target, evaluation, engine);
      } catch (IOException e) {
        err.println("rampart: cannot write the " + target.format().wireName() + " report to '" + target.file()
            + "': " + e.getMessage());
        return ExitCode.INPUT_ERROR;
      }
    }
    if (writeBaseline != null) {
      try {
        Baseline recorded = Baseline.of(report, ToolVersion.current());
        AtomicFiles.write(writeBaseline, recorded::writeTo);
      } catch (IOException e) {
        err.println("rampart: cannot write the baseline to '" + writeBaseline + "': " + e.getMessage());
        return ExitCode.INPUT_ERROR;
      }
    }
    progress.done();
    report.incompleteReason().ifPresent(reason -> err.println("rampart: the evaluation is incomplete (" + reason
        + "): the reports cover only the facts evaluated, so the run cannot pass"));
    warnNotAssessed(err, report, verdict);
    return verdict.failed(report) ? ExitCode.GATE_FAILED : ExitCode.OK;
  }

  // A rule that produced no result neither passed nor failed: standard error says which and why, whether
  // it fails the gate (--fail-on-unknown) or not, so that a lone scanner's run never reads as all clear.
  private static void warnNotAssessed(PrintWriter err, Report report, Gate verdict) {
    List<NotAssessed> failing = verdict.notAssessedFailures(report);
    List<NotAssessed> shown = failing.isEmpty() ? report.notAssessed() : failing;
    if (shown.isEmpty()) {
      return;
    }
    String rules = shown.size() == 1 ? "1 rule" : shown.size() + " rules";
    if (failing.isEmpty()) {
      err.println("rampart: warning: " + rules + (shown.size() == 1 ? " was" : " were")
          + " not assessed, so they neither passed nor failed:");
    } else {
      String severity = verdict.threshold().map(Severity::wireName).orElseThrow();
      err.println("rampart: " + rules + " not assessed at severity " + severity
          + " or above fail the gate (--fail-on-unknown):");
    }
    AssessmentCoverage.byReason(shown).forEach((reason, ofReason) -> err.println(
        "  " + reason + ": " + ofReason.stream().map(Rule::id).collect(Collectors.joining(", "))));
    int below = report.notAssessed().size() - shown.size();
    if (below > 0) {
      err.println("  and " + below + " more below severity " + verdict.threshold().map(Severity::wireName).orElseThrow()
          + " (see the report's coverage)");
    }
  }

  // A source left out under --allow-partial is worth a word on standard error: CI logs show it.
  private static void warnPartial(PrintWriter err, FailedSource failed) {
    err.println("rampart: warning: " + failed.source() + " could not be read; evaluating without it (--allow-partial):");
    failed.problems().forEach(problem -> err.println("  " + problem));
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
    if (sarifCategory != null && targets.stream().noneMatch(target -> target.format() == ReportTarget.Format.SARIF)) {
      throw new ParameterException(spec.commandLine(),
          "--sarif-category names the run of a SARIF report, and none is written; add --format sarif:FILE");
    }
    if (sarifCategory != null) {
      try {
        SarifReport.of(List.of()).withCategory(sarifCategory);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--sarif-category: " + e.getMessage());
      }
    }
    if (writeBaseline != null && files.contains(writeBaseline.toAbsolutePath().normalize())) {
      throw new ParameterException(spec.commandLine(),
          "--write-baseline and a --format option write to '" + writeBaseline + "'; give each its own file");
    }
    return targets;
  }

  static List<String> unwritableTargets(List<ReportTarget> targets) {
    List<String> problems = new ArrayList<>();
    for (ReportTarget target : targets) {
      Path file = target.file();
      if (file != null) {
        problems.addAll(unwritable(file, target.format().wireName() + " report", "report." + target.format().extension()));
      }
    }
    return problems;
  }

  private static List<String> unwritable(Path file, String what, String example) {
    Path directory = file.toAbsolutePath().getParent();
    Path shown = file.getParent() == null ? Path.of(".") : file.getParent();
    String prefix = "rampart: cannot write the " + what + " to '" + file + "': ";
    if (Files.isDirectory(file)) {
      return List.of(prefix + "it is a directory (name a file in it, e.g. " + file.resolve(example) + ")");
    } else if (directory == null || !Files.isDirectory(directory)) {
      return List.of(prefix + "directory '" + shown + "' does not exist (create it first)");
    } else if (!Files.isWritable(directory)) {
      return List.of(prefix + "directory '" + shown + "' is not writable");
    }
    return List.of();
  }

  /**
   * A report or baseline written over one of the run's own inputs would destroy it (the inventory
   * replaced by a JSON report, and exit code 0): refused, comparing the files themselves, so a second
   * name for the same file (a link, '..') is caught too.
   */
  private List<String> overwrittenInputs(List<ReportTarget> targets, List<SourceSpec> sources) {
    Map<Path, String> outputs = new LinkedHashMap<>();
    for (ReportTarget target : targets) {
      if (target.file() != null) {
        outputs.put(target.file(), "the " + target.format().wireName() + " report (--format "
            + target.format().wireName() + ":" + target.file() + ")");
      }
    }
    if (writeBaseline != null) {
      outputs.put(writeBaseline, "the baseline (--write-baseline " + writeBaseline + ")");
    }
    List<String> names = new ArrayList<>(inputs.inputNames(sources));
    waiverFiles.forEach(file -> names.add(file.toString()));
    if (baselineFile != null) {
      names.add(baselineFile.toString());
    }
    List<String> problems = new ArrayList<>();
    outputs.forEach((output, what) -> names.stream().filter(input -> sameFile(output, input)).findFirst()
        .ifPresent(input -> problems.add("rampart: " + what + " would overwrite the input '" + input
            + "'; write it to another file")));
    return problems;
  }

  private static boolean sameFile(Path output, String input) {
    try {
      Path path = Path.of(input);
      return Files.exists(output) && Files.exists(path) && Files.isSameFile(output, path);
    } catch (InvalidPathException | IOException e) {
      return false;
    }
  }

  // Rule ids are checked against the packs only when they all loaded; otherwise every id would look unknown.
  private List<Waiver> loadWaivers(@Nullable ComplianceEngine engine, List<String> problems) {
    List<Waiver> waivers = new ArrayList<>();
    for (Path file : waiverFiles) {
      try {
        waivers.addAll(engine == null ? Waivers.load(file) : Waivers.load(file, engine.rules()));
      } catch (WaiverLoadException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(unknownTrustedSources(waivers, Sources.discover().ids()));
    return waivers;
  }

  // A source type that no adapter provides is a typo: the waiver would trust no source by that name.
  private static List<String> unknownTrustedSources(List<Waiver> waivers, Set<String> types) {
    List<String> problems = new ArrayList<>();
    for (Waiver waiver : waivers) {
      for (String source : waiver.trustedSources()) {
        if (!types.contains(source)) {
          String place = waiver.location().isEmpty() ? "" : waiver.location() + ": ";
          problems.add(place + "waiver " + waiver.rule() + ": trustedSources names '" + source
              + "', which is no fact source type (available: " + String.join(", ", types) + ")");
        }
      }
    }
    return problems;
  }

  private @Nullable Baseline readBaseline(List<String> problems) {
    if (baselineFile == null) {
      return null;
    }
    try {
      return Baseline.read(baselineFile);
    } catch (BaselineException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private void write(ReportTarget target, Evaluation evaluation, ComplianceEngine engine) throws IOException {
    Path file = target.file();
    if (file == null) {
      writer(target, parent.colour(), engine).write(evaluation, spec.commandLine().getOut());
    } else {
      ReportWriter writer = writer(target, false, engine);
      AtomicFiles.write(file, out -> writer.write(evaluation, out));
    }
  }

  private ReportWriter writer(ReportTarget target, boolean colour, ComplianceEngine engine) {
    List<Rule> rules = engine.rules();
    return switch (target.format()) {
      case TEXT -> colour ? TextReport.coloured() : TextReport.plain();
      case JSON -> onlyFindings ? JsonReport.onlyFindings() : JsonReport.allResults();
      case SARIF -> sarifCategory == null ? SarifReport.of(rules) : SarifReport.of(rules).withCategory(sarifCategory);
      case JUNIT -> failOnUnknown ? JunitReport.unknownAsFailure() : JunitReport.unknownAsSkipped();
      case HTML -> HtmlReport.create();
      case OSCAL -> AssessmentResults.of(engine.packs());
    };
  }
}
