package dev.rampart.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.PackLoadException;
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

/** The README's example gives the result the README states, every time: its clock is fixed. */
class EvaluateInventoryTest {

  /** What the README says the example prints for examples/inventory.yaml. */
  static final String DOCUMENTED_OUTPUT = """
      29 facts, 92 rules, evaluated at 2026-11-25T00:00:00Z
      PASS           465
      FAIL           166
      UNKNOWN        240
      NOT_APPLICABLE 291
      ERROR          0
      gate: failed (a FAIL or ERROR of high severity or above)
      """;

  static final Path EXAMPLE_INVENTORY = Path.of("../inventory.yaml");
  static final Clock DOCUMENTED_DAY = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsTheDocumentedSummaryAndWritesTheReport() throws IOException, PackLoadException {
    Path report = dir.resolve("rampart.json");

    int status = run(EXAMPLE_INVENTORY, report);

    assertEquals(DOCUMENTED_OUTPUT, text(out));
    assertEquals("", text(err));
    assertEquals(1, status, "the example site has high-severity FAILs");
    String json = Files.readString(report);
    assertTrue(json.contains("\"evaluatedAt\" : \"2026-11-25T00:00:00Z\""), json.substring(0, 400));
  }

  @Test
  void anInventoryThatCannotBeReadIsReportedWithoutAReport() throws IOException, PackLoadException {
    Path report = dir.resolve("rampart.json");

    int status = run(dir.resolve("missing.yaml"), report);

    assertEquals("", text(out));
    assertEquals("""
        cannot read '%s': no such file (check the path)
        """.formatted(dir.resolve("missing.yaml")), text(err));
    assertEquals(2, status);
    assertFalse(Files.exists(report), "nothing is written when the input cannot be read");
  }

  private int run(Path inventory, Path report) throws PackLoadException {
    return EvaluateInventory.run(EvaluateInventory.engine(DOCUMENTED_DAY), inventory, report,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
