package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary text given to the pack loader either becomes a pack or is refused with problems: any
 * other exception, a hang or running out of memory is a bug.
 *
 * <p>In a normal build this runs the committed inputs in {@code PackLoaderFuzzTestInputs/parse} as
 * regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md for the command).
 */
class PackLoaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      assertNotNull(RulePacks.parse(text, "fuzz.yaml"));
    } catch (PackLoadException e) {
      assertFalse(e.problems().isEmpty(), "a refused pack names at least one problem");
      for (Problem problem : e.problems()) {
        assertFalse(problem.message().isBlank(), () -> "a problem without a message: " + problem);
      }
    }
  }
}
