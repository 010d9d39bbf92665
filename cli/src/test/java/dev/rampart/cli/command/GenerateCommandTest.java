package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir Path directory;

  @Test
  void writesTheSameFleetForTheSameSeedAndItEvaluates() throws Exception {
    Path first = directory.resolve("first.json");
    Path second = directory.resolve("second.json");

    CliRun run = CliRun.of("generate", "--devices", "200", "--seed", "7", "--out", first.toString());
    CliRun again = CliRun.of("generate", "--devices", "200", "--seed", "7", "--out", second.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, again.exitCode(), again.err());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertEquals("wrote " + first + ": 200 devices, 2 networks, 1 vendor", run.out().substring(0, run.out().indexOf(" (")));
    CliRun evaluation = CliRun.of("evaluate", first.toString(), "--now", "2026-11-25", "--fail-on", "never");
    assertEquals(0, evaluation.exitCode(), evaluation.err());
  }

  @Test
  void aMissingDirectoryIsAnInputErrorThatNamesIt() {
    Path file = directory.resolve("no-such-dir").resolve("fleet.json");

    CliRun run = CliRun.of("generate", "--devices", "10", "--out", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals("rampart: cannot write the inventory to '" + file + "': its directory does not exist (create it first)\n",
        run.err());
  }

  @Test
  void fewerThanOneDeviceIsAUsageError() {
    CliRun run = CliRun.of("generate", "--devices", "0", "--out", directory.resolve("f.json").toString());

    assertEquals(2, run.exitCode());
    assertEquals("--devices must be at least 1, not 0", run.err().lines().findFirst().orElseThrow());
  }
}
