package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare name such as {@code iot-baseline} always means the built-in pack, and a pack file is named by
 * a path with a '/' or an extension: a file in the working directory named like a built-in pack can
 * never stand in for it (a one-rule file there once turned open telnet into exit code 0), and every
 * report says where each pack came from.
 */
class PackNamingTest {

  private static final String INVENTORY = "../examples/inventory.yaml";
  private static final String NOW = "2026-11-25";
  // the working directory of the tests is the module's directory, where such a file would be committed
  private static final Path SHADOW = Path.of("iot-baseline");
  private static final Path UNKNOWN = Path.of("site-policy");
  private static final String LENIENT = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: iot-baseline, version: "1.0.0", title: Lenient}
      rules:
        - id: LAX-001
          title: Anything goes
          category: identity
          severity: info
          target: device
          assert: {field: id, exists: true}
      """;

  @TempDir Path dir;

  @AfterEach
  void removeTheFiles() throws IOException {
    Files.deleteIfExists(SHADOW);
    Files.deleteIfExists(UNKNOWN);
  }

  @Test
  void aFileNamedLikeTheBuiltInPackDoesNotReplaceTheDefaultPack() throws IOException {
    Files.writeString(SHADOW, LENIENT);
    Path json = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", INVENTORY, "--now", NOW, "--format", "text", "--format", "json:" + json);

    assertEquals(1, run.exitCode(), "the built-in pack finds the example site's violations: " + run.err());
    assertTrue(run.out().contains("\nPack: iot-baseline 1.0.0 (IoT deployment security baseline), built-in\n"), run.out());
    JsonNode pack = new ObjectMapper().readTree(json.toFile()).at("/summary/packs/0");
    assertEquals("built-in", pack.get("source").asText());
  }

  @Test
  void aFileNamedLikeTheBuiltInPackDoesNotReplaceItWhenNamed() throws IOException {
    Files.writeString(SHADOW, LENIENT);

    CliRun run = CliRun.of("evaluate", INVENTORY, "--now", NOW, "--pack", "iot-baseline");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("\nPack: iot-baseline 1.0.0 (IoT deployment security baseline), built-in\n"), run.out());
  }

  @Test
  void aPathToTheFileLoadsItAndTheReportsSaySo() throws IOException {
    Files.writeString(SHADOW, LENIENT);
    Path sarif = dir.resolve("report.sarif");

    CliRun run = CliRun.of("evaluate", INVENTORY, "--now", NOW, "--pack", "./iot-baseline", "--format", "text",
        "--format", "sarif:" + sarif);

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\nPack: iot-baseline 1.0.0 (Lenient) from ./iot-baseline\n"), run.out());
    JsonNode pack = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/properties/packs/0");
    assertEquals("./iot-baseline", pack.get("source").asText());
  }

  @Test
  void aBareNameThatIsNoBuiltInPackButAFileSaysHowToNameTheFile() throws IOException {
    Files.writeString(UNKNOWN, LENIENT);

    CliRun run = CliRun.of("evaluate", INVENTORY, "--now", NOW, "--pack", "site-policy");

    assertEquals(2, run.exitCode());
    assertEquals("""
        1 problem in rule pack:
        1. site-policy: the pack is not a built-in pack, and a name without '/' or extension never means a file \
        (to load the file 'site-policy', write './site-policy')
        """, run.err());
  }

  @Test
  void aMistypedBuiltInIdSuggestsTheRightOne() {
    CliRun run = CliRun.of("evaluate", INVENTORY, "--now", NOW, "--pack", "iot-basline");

    assertEquals(2, run.exitCode());
    assertEquals("""
        1 problem in rule pack:
        1. iot-basline: the pack is not a built-in pack (did you mean 'iot-baseline'? a pack file is named by a \
        path with a '/' or an extension, e.g. ./iot-basline.yaml)
        """, run.err());
  }

  @Test
  void packSignRefusesABareNameAndSaysHowToNameTheDirectory() {
    CliRun run = CliRun.of("pack", "sign", "iot-baseline", "--key", dir.resolve("k.key").toString());

    assertEquals(2, run.exitCode());
    assertEquals("rampart: 'iot-baseline' names a built-in pack, and built-in packs are signed when rampart is"
        + " built; to sign the pack directory or file 'iot-baseline', write './iot-baseline'\n", run.err());
  }
}
