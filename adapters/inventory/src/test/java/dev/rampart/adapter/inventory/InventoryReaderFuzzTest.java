package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Arbitrary bytes given to the inventory reader either become facts or are refused with problems:
 * any other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code InventoryReaderFuzzTestInputs/yaml}
 * and {@code .../json} as regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
class InventoryReaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void yaml(byte[] input) throws IOException {
    read(input, "inventory.yaml");
  }

  @FuzzTest(maxDuration = "5m")
  void json(byte[] input) throws IOException {
    read(input, "inventory.json");
  }

  private static void read(byte[] input, String name) throws IOException {
    Path directory = Files.createTempDirectory("rampart-fuzz");
    Path file = Files.write(directory.resolve(name), input);
    try {
      InventoryFileSource.of(file).read((fact, origin) -> Objects.requireNonNull(fact.id(), "fact id"));
    } catch (SourceException e) {
      assertFalse(e.problems().isEmpty(), "a refused inventory names at least one problem");
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank(), "a blank problem");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }
}
