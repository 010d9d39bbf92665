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
  void tablesAreTheSameFleetAsTheFileAndEvaluateTheSame() throws Exception {
    Path file = directory.resolve("fleet.json");
    Path tables = directory.resolve("tables");

    CliRun json = CliRun.of("generate", "--devices", "200", "--seed", "7", "--out", file.toString());
    CliRun run = CliRun.of("generate", "--devices", "200", "--seed", "7", "--layout", "tables", "--out", tables.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("wrote " + tables + ": 200 devices, 2 networks, 1 vendor", run.out().substring(0, run.out().indexOf(" (")));
    assertEquals(json.out().substring(json.out().indexOf(" bytes)")), run.out().substring(run.out().indexOf(" bytes)")),
        "the same violations, shared credentials and fields left out");
    assertEquals(200, Files.readAllLines(tables.resolve("devices/part-00000.jsonl")).size());
    assertEquals(Files.readAllLines(file).get(1).replaceAll(",$", ""),
        Files.readAllLines(tables.resolve("vendors/part-00000.jsonl")).get(0));
  }

  @Test
  void tablesAreNotWrittenOverAnotherDirectory() throws Exception {
    Path tables = Files.createDirectory(directory.resolve("tables"));
    Files.writeString(tables.resolve("keep.txt"), "mine");

    CliRun run = CliRun.of("generate", "--devices", "10", "--layout", "tables", "--out", tables.toString());

    assertEquals(2, run.exitCode());
    assertEquals("rampart: cannot write the tables to '" + tables + "': the directory is not empty (name a new or empty"
        + " directory, or remove this one first)\n", run.err());
    assertEquals("mine", Files.readString(tables.resolve("keep.txt")));
  }

  @Test
  void parquetIsRefusedWithTheCommandThatWritesIt() {
    Path tables = directory.resolve("tables");

    CliRun run = CliRun.of("generate", "--devices", "10", "--seed", "3", "--layout", "parquet", "--out", tables.toString());

    assertEquals(2, run.exitCode());
    assertEquals("rampart: --layout parquet is written by Spark, not by the CLI: run './rampart-spark generate"
        + " --devices 10 --seed 3 --layout parquet --out " + tables + "', or write JSON-lines tables with --layout"
        + " tables (./rampart-spark reads both)\n", run.err());
    assertEquals(false, Files.exists(tables));
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
