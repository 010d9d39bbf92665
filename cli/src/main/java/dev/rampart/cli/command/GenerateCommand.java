package dev.rampart.cli.command;

import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import dev.rampart.generator.FleetSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rampart generate}: writes a synthetic, reproducible fleet inventory for trials and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Writes a synthetic native inventory (JSON) of N devices: one deployment, a network per 500 devices"
          + " plus a corporate LAN, a vendor per 2000 devices. Most devices pass every rule of iot-baseline;"
          + " about one in eleven has violations across all nine categories or shares its credential with"
          + " another device, and a few leave fields out so that some results are UNKNOWN.",
      "The same --devices, --seed and --as-of always write the same bytes. Evaluate with --now set to the"
          + " --as-of day, or dates drift and compliant devices start to fail.",
      "With --layout tables, --out is a directory that gets the same fleet as JSON-lines tables for"
          + " ./rampart-spark: deployment/, vendors/, networks/ and devices/, each of part-00000.jsonl, ... with one"
          + " fact per line (at most 100,000 a file). Parquet tables need Spark: ./rampart-spark generate ..."
          + " --layout parquet writes them."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the inventory was written",
      "  2  usage error, or the file could not be written",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart generate --devices 100000 --seed 1 --out fleet-100k.json",
      "  rampart evaluate fleet-100k.json --now 2026-11-25 --format json:report.json",
      "  rampart generate --devices 100000 --seed 1 --layout tables --out fleet-100k",
      "  ./rampart-spark evaluate --tables fleet-100k --out results-100k --format jsonl --now 2026-11-25"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--devices", paramLabel = "N", required = true, description = "Number of devices, at least 1.")
  private int devices;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The day the fleet's dates are relative to (YYYY-MM-DD). Default: 2026-11-25.")
  private LocalDate asOf = FleetSpec.DEFAULT_AS_OF;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "json",
      description = "json (one inventory file), tables (a directory of JSON-lines tables) or parquet (refused here:"
          + " ./rampart-spark generate writes it). Default: ${DEFAULT-VALUE}.")
  private Layout layout;

  @Option(
      names = "--out",
      paramLabel = "FILE|DIR",
      required = true,
      description = "The inventory file to write (replaced); with --layout tables, the directory to create"
          + " (it must not exist or be empty).")
  private Path out;

  /** How the fleet is written. */
  enum Layout {
    json,
    tables,
    parquet
  }

  @Override
  public Integer call() {
    if (devices < 1) {
      throw new ParameterException(spec.commandLine(), "--devices must be at least 1, not " + devices);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (layout == Layout.parquet) {
      // Parquet needs Hadoop's and Parquet's jars, which the CLI does not carry (bench/footprint.sh)
      err.println("rampart: --layout parquet is written by Spark, not by the CLI: run './rampart-spark generate"
          + " --devices " + devices + " --seed " + seed + " --layout parquet --out " + out + "', or write JSON-lines"
          + " tables with --layout tables (./rampart-spark reads both)");
      return ExitCode.INPUT_ERROR;
    }
    Path directory = out.toAbsolutePath().getParent();
    String what = layout == Layout.tables ? "the tables" : "the inventory";
    if ((layout == Layout.json && Files.isDirectory(out)) || directory == null || !Files.isDirectory(directory)) {
      err.println("rampart: cannot write " + what + " to '" + out + "': "
          + (Files.isDirectory(out) ? "it is a directory (name a file in it, e.g. " + out.resolve("fleet.json") + ")"
              : "its directory does not exist (create it first)"));
      return ExitCode.INPUT_ERROR;
    }
    FleetSummary summary;
    FleetSpec fleet = new FleetSpec(devices, seed, asOf);
    try {
      summary = layout == Layout.tables ? FleetGenerator.writeTables(fleet, out) : FleetGenerator.write(fleet, out);
    } catch (FileAlreadyExistsException e) {
      err.println("rampart: cannot write the tables to '" + out + "': the directory is not empty (name a new or empty"
          + " directory, or remove this one first)");
      return ExitCode.INPUT_ERROR;
    } catch (IOException e) {
      err.println("rampart: cannot write " + what + " to '" + out + "': " + e.getMessage());
      return ExitCode.INPUT_ERROR;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(String.format(Locale.ROOT,
        "wrote %s: %s, %s, %s (%,d bytes); %d with violations (%s shared), %d with fields left out;"
            + " evaluate with --now %s",
        out, count(summary.devices(), "device"), count(summary.networks(), "network"), count(summary.vendors(), "vendor"),
        summary.bytes(), summary.devicesWithViolations(), count(summary.sharedCredentialPairs(), "credential pair"),
        summary.devicesWithMissingFields(), asOf));
    stdout.flush();
    return ExitCode.OK;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
