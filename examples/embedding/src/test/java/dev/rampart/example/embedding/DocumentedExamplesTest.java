package dev.rampart.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README and docs/embedding.md show the examples' source and output as they are: what they show compiles and runs. */
class DocumentedExamplesTest {

  private static final Path README = Path.of("../../README.md");
  private static final Path EMBEDDING_DOC = Path.of("../../docs/embedding.md");
  private static final Path SOURCES = Path.of("src/main/java/dev/rampart/example/embedding");

  @Test
  void theReadmeShowsTheExampleVerbatim() throws IOException {
    assertEquals(Files.readString(SOURCES.resolve("EvaluateInventory.java")),
        between(README, "embedding-example", "java"),
        "the README's embedding example differs from EvaluateInventory.java: copy the file between the markers");
  }

  @Test
  void theReadmeShowsTheExamplesOutput() throws IOException {
    assertEquals(EvaluateInventoryTest.DOCUMENTED_OUTPUT, between(README, "embedding-example-output", "text"),
        "the README's output of the embedding example differs from what EvaluateInventoryTest checks");
  }

  @Test
  void theEmbeddingDocShowsTheServiceEngineVerbatim() throws IOException {
    assertEquals(Files.readString(SOURCES.resolve("ServiceEngine.java")),
        between(EMBEDDING_DOC, "service-engine-example", "java"),
        "docs/embedding.md's opening example differs from ServiceEngine.java: copy the file between the markers");
  }

  /** The fenced block between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}, without its fences. */
  private static String between(Path document, String name, String language) throws IOException {
    String text = Files.readString(document).replace("\r\n", "\n");
    String begin = "<!-- " + name + ":begin -->\n```" + language + "\n";
    String end = "```\n<!-- " + name + ":end -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < 0) {
      throw new AssertionError(document + " has no block between '" + begin.replace("\n", "\\n") + "' and '"
          + end.replace("\n", "\\n") + "': put the markers back around the example");
    }
    return text.substring(from + begin.length(), to);
  }
}
