package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/baseline-pack.md is generated from the built-in pack, and this test keeps it from drifting. */
class BaselinePackDocTest {

  private static final Path DOC = Path.of("../docs/baseline-pack.md");

  private static final String REGENERATE = "mvn -B -q install -DskipTests"
      + " && ./rampart rules --pack iot-baseline --format markdown > docs/baseline-pack.md";

  @Test
  void theDocumentIsWhatTheRulesCommandGeneratesFromThePack() throws IOException {
    CliRun run = CliRun.of("rules", "--pack", "iot-baseline", "--format", "markdown");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(run.out(), Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/baseline-pack.md differs from the pack; regenerate it from the repository root with: " + REGENERATE);
  }
}
