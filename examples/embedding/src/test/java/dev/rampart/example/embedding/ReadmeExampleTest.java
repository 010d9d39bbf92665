package dev.rampart.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the example's source and output as they are: what it shows compiles and runs. */
class ReadmeExampleTest {

  private static final Path README = Path.of("../../README.md");
  private static final Path EXAMPLE = Path.of("src/main/java/dev/rampart/example/embedding/EvaluateInventory.java");

  @Test
  void theReadmeShowsTheExampleVerbatim() throws IOException {
    assertEquals(Files.readString(EXAMPLE), between("embedding-example", "java"),
        "the README's embedding example differs from " + EXAMPLE + ": copy the file between the README's"
            + " embedding-example markers");
  }

  @Test
  void theReadmeShowsTheExamplesOutput() throws IOException {
    assertEquals(EvaluateInventoryTest.DOCUMENTED_OUTPUT, between("embedding-example-output", "text"),
        "the README's output of the embedding example differs from what EvaluateInventoryTest checks");
  }

  /** The fenced block between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}, without its fences. */
  private static String between(String name, String language) throws IOException {
    String readme = Files.readString(README).replace("\r\n", "\n");
    String begin = "<!-- " + name + ":begin -->\n```" + language + "\n";
    String end = "```\n<!-- " + name + ":end -->";
    int from = readme.indexOf(begin);
    int to = readme.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < 0) {
      throw new AssertionError(README + " has no block between '" + begin.replace("\n", "\\n") + "' and '"
          + end.replace("\n", "\\n") + "': put the markers back around the example");
    }
    return readme.substring(from + begin.length(), to);
  }
}
