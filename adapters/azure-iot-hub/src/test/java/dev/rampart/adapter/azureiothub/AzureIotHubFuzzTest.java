package dev.rampart.adapter.azureiothub;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Arbitrary bytes given to the Azure IoT Hub export reader either become devices or are refused with
 * problems: any other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code AzureIotHubFuzzTestInputs/read} as
 * regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
class AzureIotHubFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) throws IOException {
    Path directory = Files.createTempDirectory("rampart-fuzz");
    Path file = Files.write(directory.resolve("export.json"), input);
    try {
      new AzureIotHubProvider().create(SourceConfig.of(file.toString()))
          .read((fact, origin) -> Objects.requireNonNull(fact.id(), "fact id"));
    } catch (SourceException e) {
      assertFalse(e.problems().isEmpty(), "a refused export names at least one problem");
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank(), "a blank problem");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }
}
