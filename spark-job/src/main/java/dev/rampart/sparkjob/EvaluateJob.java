package dev.rampart.sparkjob;

import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.KeyFileException;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.reports.Gate;
import dev.rampart.spark.FactTables;
import dev.rampart.spark.RampartSpark;
import dev.rampart.spark.SparkEvaluation;
import dev.rampart.spark.SparkSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluate}: fleet tables against packs, results and a summary written, the CLI's gate as the exit code. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates fleet tables (a directory per fact type: devices/, networks/, vendors/, deployment/, of Parquet"
          + " or JSON-lines files; a directory left out holds no facts) against rule packs, with the same"
          + " verdicts as 'rampart evaluate'. Writes OUTDIR/results/ (one result per row: the JSON report's"
          + " result fields; findings only unless --all-results) and OUTDIR/summary.json (counts by outcome,"
          + " severity and category, and the gate's verdict)."
    },
    footerHeading = "%nExit codes (those of 'rampart evaluate'):%n",
    footer = {
      "  0  passed: no FAIL or ERROR result at or above the --fail-on severity",
      "     (with --fail-on-unknown: no UNKNOWN either; with --allow-errors, ERROR results pass)",
      "  1  the gate failed: such a result",
      "  2  usage or input error: a bad option, pack, parameter or key file, tables that cannot be",
      "     read, a row that is not a fact (each named with its table, row and column), or OUTDIR",
      "     not empty; found before anything was written",
      "  3  internal error in rampart or Spark: the message says which",
      "",
      "Example:",
      "  ./rampart-spark evaluate --tables fleet-100k --out results-100k --format jsonl --now 2026-11-25"
    })
final class EvaluateJob implements Callable<Integer> {

  /** How many unreadable rows are named on standard error before the count of the rest. */
  static final int ERRORS_SHOWN = 20;

  @Spec private CommandSpec spec;

  private final Supplier<SparkSession> sessions;

  @Option(names = "--tables", paramLabel = "DIR", required = true,
      description = "The directory of the tables (any path Spark reads: a local directory, hdfs://, s3a://).")
  private String tables;

  @Option(names = "--out", paramLabel = "OUTDIR", required = true,
      description = "The directory to write results/ and summary.json to; it must not exist or be empty.")
  private String out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "How results/ is written: jsonl (JSON lines, files *.jsonl) or parquet. Default: ${DEFAULT-VALUE}.")
  private ResultFiles.Format format;

  @Option(names = "--now", paramLabel = "INSTANT", converter = JobConverters.InstantConverter.class,
      description = "The time to evaluate at: an ISO-8601 instant (2026-11-25T00:00:00Z) or a date (2026-11-25,"
          + " the start of that day in UTC), fixed on the driver for every executor. Default: the current time.")
  private @Nullable Instant now;

  @Option(names = "--pack", paramLabel = "ID|PATH",
      description = "A rule pack: a built-in pack's id (iot-baseline), or a pack file or directory named by a path"
          + " with a '/' or an extension, shipped to the executors with the files beside it. Repeatable."
          + " Default: iot-baseline.")
  private List<String> packs = new ArrayList<>();

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Overrides a pack parameter. Repeatable.")
  private Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high", description = "Exit with 1 when a result of a rule of this severity or higher is FAIL or"
          + " ERROR: info, low, medium, high, critical, or never. Default: ${DEFAULT-VALUE}.")
  private String failOn;

  @Option(names = "--fail-on-unknown", description = "UNKNOWN results fail the gate too.")
  private boolean failOnUnknown;

  @Option(names = "--allow-errors", description = "ERROR results do not fail the gate.")
  private boolean allowErrors;

  @Option(names = "--all-results", description = "Write every result, passes and rules not applicable too.")
  private boolean allResults;

  @Option(names = "--require-signed", description = "Load a pack only if it is signed by a trusted key and unchanged"
      + " since (built-in packs: by the key that ships with rampart); checked on the driver and on every executor.")
  private boolean requireSigned;

  @Option(names = {"--trusted-key", "--trusted-keys"}, paramLabel = "FILE",
      description = "With --require-signed: a public key file (PEM, as 'rampart pack keygen' writes it). Repeatable.")
  private List<Path> trustedKeys = new ArrayList<>();

  EvaluateJob(Supplier<SparkSession> sessions) {
    this.sessions = sessions;
  }

  @Override
  public Integer call() throws JobInputException {
    Gate verdict;
    try {
      verdict = Gate.parse(failOn).failingOnUnknown(failOnUnknown).allowingErrors(allowErrors);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--fail-on': " + e.getMessage());
    }
    // every mistake of the arguments and packs before Spark starts, which takes seconds
    RampartSpark rampart = rampart();
    SparkSession spark = sessions.get();
    ResultFiles files = ResultFiles.at(spark, out, format);
    FactTables facts = TableDirectory.read(spark, tables);
    SparkEvaluation evaluation = rampart.evaluate(facts);
    SparkSummary summary = evaluation.summary();
    if (!summary.isComplete()) {
      throw new JobInputException(unreadableRows(evaluation, summary));
    }
    long failures;
    try {
      failures = files.writeResults(evaluation.results(), verdict);
      files.writeSummary(SummaryFile.json(summary, rampart.now(), verdict, failures, requestedPacks()));
    } catch (RuntimeException e) {
      // no partial results: a directory without summary.json must not pass for a run
      files.discard();
      throw e;
    }
    boolean failed = failures > 0;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("wrote " + files.describe() + ": " + summary.results() + " results, " + findings(summary)
        + " findings; gate " + verdict.failOn() + ": " + (failed ? failures + " results fail it" : "passed"));
    stdout.flush();
    return failed ? JobExit.GATE_FAILED : JobExit.OK;
  }

  private List<String> requestedPacks() {
    return packs.isEmpty() ? List.of(JobConverters.DEFAULT_PACK) : packs;
  }

  private RampartSpark rampart() throws JobInputException {
    List<String> problems = new ArrayList<>();
    RampartSpark.Builder builder = RampartSpark.builder().allResults(allResults);
    if (now != null) {
      builder.now(now);
    }
    parameters.forEach(builder::parameter);
    for (String pack : requestedPacks()) {
      try {
        if (RulePacks.namesBuiltin(pack)) {
          builder.builtinPack(pack);
        } else {
          builder.pack(Path.of(pack));
        }
      } catch (PackLoadException e) {
        problems.add(e.getMessage());
      }
    }
    if (requireSigned) {
      List<VerifyingKey> keys = new ArrayList<>();
      for (Path file : trustedKeys) {
        try {
          keys.add(VerifyingKey.read(file));
        } catch (KeyFileException e) {
          problems.add("--trusted-key " + e.getMessage());
        }
      }
      builder.requireSigned(TrustedKeys.of(keys));
    } else if (!trustedKeys.isEmpty()) {
      problems.add("--trusted-key is used with --require-signed: add --require-signed to load only packs signed by a"
          + " trusted key");
    }
    if (!problems.isEmpty()) {
      throw new JobInputException(problems);
    }
    try {
      return builder.build();
    } catch (PackLoadException | PackSignatureException e) {
      throw new JobInputException(e.getMessage());
    }
  }

  private static List<String> unreadableRows(SparkEvaluation evaluation, SparkSummary summary) {
    List<String> problems = new ArrayList<>();
    for (Row row : evaluation.errors().limit(ERRORS_SHOWN).collectAsList()) {
      problems.add(row.getAs("table") + " table, row " + row.getAs("row")
          + (row.getAs("factId") == null ? "" : " (" + row.getAs("factId") + ")")
          + (row.getAs("column") == null ? "" : ", column " + row.getAs("column")) + ": " + row.getAs("message"));
    }
    if (summary.inputErrors() > problems.size()) {
      problems.add((summary.inputErrors() - problems.size()) + " more rows cannot be read as facts");
    }
    problems.add("nothing was written: correct the tables and run again");
    return problems;
  }

  private static long findings(SparkSummary summary) {
    return summary.byOutcome().entrySet().stream()
        .filter(entry -> entry.getKey().equals("FAIL") || entry.getKey().equals("UNKNOWN")
            || entry.getKey().equals("ERROR"))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
