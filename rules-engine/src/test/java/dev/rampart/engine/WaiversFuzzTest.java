package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.engine.value.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary bytes given to the waiver file reader either become waivers or are refused with problems,
 * each on one line: any other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code WaiversFuzzTestInputs/load} as
 * regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
class WaiversFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void load(byte[] input) throws IOException {
    Path directory = Files.createTempDirectory("rampart-fuzz");
    Path file = Files.write(directory.resolve("waivers.yaml"), input);
    try {
      assertNotNull(Waivers.load(file));
    } catch (WaiverLoadException e) {
      assertFalse(e.problems().isEmpty(), "a refused waiver file names at least one problem");
      for (Problem problem : e.problems()) {
        assertFalse(problem.message().isBlank(), () -> "a problem without a message: " + problem);
        assertFalse(problem.toString().contains("\n"), () -> "a problem of two lines: " + problem);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }
}
