package dev.rampart.adapter.inventory;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Reads the inventory files kept next to the tests. */
final class Fixtures {

  static final Path DIRECTORY = Path.of("src/test/resources/dev/rampart/adapter/inventory");

  private Fixtures() {}

  static Path path(String name) {
    return DIRECTORY.resolve(name);
  }

  /** When a fixture was last modified: the collection time of its facts. */
  static Instant lastModified(String name) throws IOException {
    return Files.getLastModifiedTime(path(name)).toInstant();
  }

  /** Every fact of a fixture that must read cleanly. */
  static List<Fact> facts(String name) throws SourceException {
    return read(path(name)).facts();
  }

  static RecordingSink read(Path file) throws SourceException {
    return RecordingSink.read(InventoryFileSource.of(file));
  }

  /** The problem lines of a fixture that must fail, joined as a text block would write them. */
  static String problems(Path file) {
    return RecordingSink.problems(InventoryFileSource.of(file));
  }

  /** The expected problems with {@code FILE} standing for the fixture's path. */
  static String expected(String name, String text) {
    return text.replace("FILE", path(name).toString());
  }
}
