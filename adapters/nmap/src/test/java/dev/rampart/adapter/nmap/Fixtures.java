package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the scan files kept next to the tests. */
final class Fixtures {

  static final Path DIRECTORY = Path.of("src/test/resources/dev/rampart/adapter/nmap");

  private Fixtures() {}

  static Path path(String name) {
    return DIRECTORY.resolve(name);
  }

  /** Every device of a fixture that must read cleanly. */
  static List<Device> devices(String name) throws SourceException {
    return read(path(name)).facts().stream().map(Device.class::cast).toList();
  }

  static Read read(Path file) throws SourceException {
    List<Fact> facts = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    NmapScanSource.of(file).read((fact, origin) -> {
      facts.add(fact);
      origins.add(origin);
    });
    return new Read(facts, origins);
  }

  /** The problem lines of a scan that must fail, joined as a text block would write them. */
  static String problems(Path file) {
    SourceException failure = assertThrows(SourceException.class, () -> read(file));
    return String.join("\n", failure.problems()) + "\n";
  }

  /** What one read handed to the sink. */
  record Read(List<Fact> facts, List<Origin> origins) {}
}
