package dev.rampart.adapter.mud;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Arbitrary bytes given to the MUD reader either become the allowlist of the device named or are
 * refused with problems: any other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code MudFuzzTestInputs/read} as
 * regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
class MudFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) throws IOException {
    Path directory = Files.createTempDirectory("rampart-fuzz");
    Path file = Files.write(directory.resolve("device.json"), input);
    try {
      new MudProvider().create(new SourceConfig(file.toString(), Map.of("devices", "cam-01")))
          .read((fact, origin) -> Objects.requireNonNull(fact.id(), "fact id"));
    } catch (SourceException e) {
      assertFalse(e.problems().isEmpty(), "a refused MUD file names at least one problem");
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank(), "a blank problem");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }
}
