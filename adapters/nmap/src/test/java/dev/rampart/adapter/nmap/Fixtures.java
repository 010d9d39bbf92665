package dev.rampart.adapter.nmap;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.SourceException;
import java.nio.file.Path;
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

  static RecordingSink read(Path file) throws SourceException {
    return RecordingSink.read(NmapScanSource.of(file));
  }

  /** The problem lines of a scan that must fail, joined as a text block would write them. */
  static String problems(Path file) {
    return RecordingSink.problems(NmapScanSource.of(file));
  }
}
