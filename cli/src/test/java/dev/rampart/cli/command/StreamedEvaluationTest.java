package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One inventory without limits is evaluated as it is read (streamed); with {@code --max-facts} it is
 * read whole first. Both must write the same reports, byte for byte.
 */
class StreamedEvaluationTest {

  private static final String EXAMPLE = "../examples/inventory.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Test
  void streamedAndWholeReadsWriteIdenticalReports() throws IOException {
    for (String format : new String[] {"json", "sarif", "junit", "text"}) {
      Path streamed = dir.resolve("streamed." + format);
      Path whole = dir.resolve("whole." + format);
      CliRun first = CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", format + ":" + streamed);
      CliRun second = CliRun.of("evaluate", EXAMPLE, "--now", NOW, "--format", format + ":" + whole,
          "--max-facts", "1000000");
      assertEquals(first.exitCode(), second.exitCode(), first.err() + second.err());
      assertEquals(Files.readString(whole), Files.readString(streamed), format);
    }
  }

  @Test
  void aDuplicatedIdIsReportedWithBothPlacesAlthoughTheInputIsStreamed() throws IOException {
    Path inventory = dir.resolve("twice.yaml");
    Files.writeString(inventory, """
        devices:
          - id: cam-01
          - id: cam-01
        """);
    CliRun run = CliRun.of("evaluate", inventory.toString(), "--now", NOW);
    assertEquals(2, run.exitCode());
    assertEquals(inventory + ":3:5: devices[1]: duplicate device id 'cam-01' (first defined at " + inventory
        + ":2:5); give each device its own id\ninventory:" + inventory + ": 1 record could not be read (fix it, or pass"
        + " --allow-partial or the source option partial=true to evaluate the others, with the rules of the skipped"
        + " ones UNKNOWN)\n", run.err().replace("\r\n", "\n"));
  }
}
