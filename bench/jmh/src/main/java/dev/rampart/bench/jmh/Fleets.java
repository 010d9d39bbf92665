package dev.rampart.bench.jmh;

import dev.rampart.adapter.inventory.InventoryFileSource;
import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.generator.FleetGenerator;
import dev.rampart.generator.FleetSpec;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The generated fleets the benchmarks share, and an engine clocked at their as-of day. */
final class Fleets {

  /** The seed every benchmark fleet uses, so that run.sh and JMH measure the same files. */
  static final long SEED = 1;

  /** Where fleets are kept between runs; run.sh points this at its own directory. */
  static final String DIRECTORY_PROPERTY = "rampart.bench.fleets";

  /** The evaluation time matching the fleets' dates. */
  static final Instant NOW = FleetSpec.DEFAULT_AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();

  private Fleets() {}

  /** The fleet file of this many devices, generated on first use. */
  static Path file(int devices) {
    Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/fleets"));
    Path file = directory.resolve("fleet-" + devices + "-seed" + SEED + ".json");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(directory);
        Path partial = directory.resolve(file.getFileName() + ".partial");
        FleetGenerator.write(FleetSpec.of(devices, SEED), partial);
        Files.move(partial, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot generate " + file, e);
    }
    return file;
  }

  /** Every fact of the fleet, read through the inventory adapter. */
  static List<Fact> facts(int devices) {
    List<Fact> facts = new ArrayList<>();
    try {
      InventoryFileSource.of(file(devices)).read((fact, origin) -> facts.add(fact));
    } catch (SourceException e) {
      throw new IllegalStateException("the generated fleet does not read: " + e.getMessage(), e);
    }
    return facts;
  }

  static ComplianceEngine engine(RulePack pack) {
    try {
      return ComplianceEngine.builder().pack(pack).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    } catch (PackLoadException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
