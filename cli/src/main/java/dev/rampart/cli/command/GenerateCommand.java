package dev.rampart.cli.command;

import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import dev.rampart.generator.FleetSummary;
import java.io.IOException;
import java.io.PrintWriter;
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
          + " --as-of day, or dates drift and compliant devices start to fail."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the inventory was written",
      "  2  usage error, or the file could not be written",
      "  3  internal error in rampart: run again with --debug and please report it",
      "",
      "Examples:",
      "  rampart generate --devices 100000 --seed 1 --out fleet-100k.json",
      "  rampart evaluate fleet-100k.json --now 2026-11-25 --format json:report.json"
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

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The inventory file to write (replaced).")
  private Path out;

  @Override
  public Integer call() {
    if (devices < 1) {
      throw new ParameterException(spec.commandLine(), "--devices must be at least 1, not " + devices);
    }
    PrintWriter err = spec.commandLine().getErr();
    Path directory = out.toAbsolutePath().getParent();
    if (Files.isDirectory(out) || directory == null || !Files.isDirectory(directory)) {
      err.println("rampart: cannot write the inventory to '" + out + "': "
          + (Files.isDirectory(out) ? "it is a directory (name a file in it, e.g. " + out.resolve("fleet.json") + ")"
              : "its directory does not exist (create it first)"));
      return ExitCode.INPUT_ERROR;
    }
    FleetSummary summary;
    try {
      summary = FleetGenerator.write(new FleetSpec(devices, seed, asOf), out);
    } catch (IOException e) {
      err.println("rampart: cannot write the inventory to '" + out + "': " + e.getMessage());
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
