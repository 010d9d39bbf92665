package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.value.PackLoadException;
import dev.rampart.example.embedding.EvaluateInventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, built against the BOM alone, prints what the README says. */
class DocumentedResultTest {

  @TempDir Path dir;

  @Test
  void theExamplePrintsTheReadmesOutput() throws IOException, PackLoadException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Clock day = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

    int status = EvaluateInventory.run(EvaluateInventory.engine(day), Path.of(System.getProperty("example.inventory")),
        dir.resolve("rampart.json"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertEquals(documentedOutput(), out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    assertEquals(1, status);
  }

  private static String documentedOutput() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("example.readme"))).replace("\r\n", "\n");
    String begin = "<!-- embedding-example-output:begin -->\n```text\n";
    int from = readme.indexOf(begin) + begin.length();
    return readme.substring(from, readme.indexOf("```\n<!-- embedding-example-output:end -->", from));
  }
}
