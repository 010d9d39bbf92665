package dev.rampart.sparkjob;

import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import dev.rampart.generator.FleetSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: the fleet {@code rampart generate} writes, as Parquet tables (which the CLI cannot
 * write without Hadoop's jars) or as the CLI's JSON-lines tables.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the synthetic fleet of 'rampart generate --devices N --seed S' (the same facts, ids and values) as"
          + " tables: DIR/devices/, networks/, vendors/ and deployment/, of Parquet files (--layout parquet, the"
          + " default) or of JSON-lines files (--layout tables, as 'rampart generate --layout tables' writes them)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the tables were written",
      "  2  usage error, or the tables could not be written",
      "  3  internal error in rampart or Spark",
      "",
      "Example:",
      "  ./rampart-spark generate --devices 100000 --seed 1 --layout parquet --out fleet-100k-parquet"
    })
final class GenerateJob implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Supplier<SparkSession> sessions;

  @Option(names = "--devices", paramLabel = "N", required = true, description = "Number of devices, at least 1.")
  private int devices;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day the fleet's dates are relative to (YYYY-MM-DD). Default: 2026-11-25.")
  private LocalDate asOf = FleetSpec.DEFAULT_AS_OF;

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "parquet",
      description = "parquet or tables (JSON lines). Default: ${DEFAULT-VALUE}.")
  private Layout layout;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The directory of tables to write; it must not exist or be empty.")
  private String out;

  enum Layout {
    parquet,
    tables
  }

  GenerateJob(Supplier<SparkSession> sessions) {
    this.sessions = sessions;
  }

  @Override
  public Integer call() throws JobInputException, IOException {
    if (devices < 1) {
      throw new ParameterException(spec.commandLine(), "--devices must be at least 1, not " + devices);
    }
    FleetSpec fleet = new FleetSpec(devices, seed, asOf);
    FleetSummary summary;
    if (layout == Layout.tables) {
      summary = writeTables(fleet, Path.of(out));
    } else {
      SparkSession spark = sessions.get();
      // refuses a directory that is not empty before generating anything
      ResultFiles.at(spark, out, ResultFiles.Format.parquet);
      Path staging = Files.createTempDirectory("rampart-fleet-");
      try {
        summary = writeTables(fleet, staging.resolve("tables"));
        for (String table : TableDirectory.NAMES.values()) {
          spark.read().json(staging.resolve("tables").resolve(table).toString())
              .write().mode(SaveMode.ErrorIfExists).parquet(out + "/" + table);
        }
      } finally {
        deleteTree(staging);
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("wrote " + out + " (" + layout + "): " + count(summary.devices(), "device") + ", "
        + count(summary.networks(), "network") + ", " + count(summary.vendors(), "vendor") + "; "
        + summary.devicesWithViolations() + " with violations; evaluate with --now " + asOf);
    stdout.flush();
    return JobExit.OK;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static FleetSummary writeTables(FleetSpec fleet, Path directory) throws JobInputException, IOException {
    Path parent = directory.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new JobInputException("--out '" + directory + "': its directory does not exist (create it first)");
    }
    try {
      return FleetGenerator.writeTables(fleet, directory);
    } catch (FileAlreadyExistsException e) {
      throw new JobInputException("--out '" + directory + "' is not empty: name a new or empty directory, or remove"
          + " this one first");
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing a run that succeeded
    }
  }
}
