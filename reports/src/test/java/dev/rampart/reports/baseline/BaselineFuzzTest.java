package dev.rampart.reports.baseline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary bytes given to the baseline reader either become a baseline or are refused with problems,
 * each on one line: any other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code BaselineFuzzTestInputs/read} as
 * regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
class BaselineFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) throws IOException {
    Path directory = Files.createTempDirectory("rampart-fuzz");
    Path file = Files.write(directory.resolve("baseline.json"), input);
    try {
      assertNotNull(Baseline.read(file).entries());
    } catch (BaselineException e) {
      assertFalse(e.problems().isEmpty(), "a refused baseline names at least one problem");
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank() || problem.contains("\n"), () -> "a blank or two-line problem: " + problem);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }
}
