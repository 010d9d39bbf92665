package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file {@code rampart evaluate} reads goes through one bounded opener: a device such as
 * {@code /dev/zero} or a FIFO given as any input is refused at once with exit code 2, a message naming
 * the file and the fix, and no report written; it never fills the heap or hangs the gate.
 */
class HostileInputFilesEndToEndTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String INVENTORY = FIXTURES + "inventories/compliant.yaml";

  @TempDir Path dir;

  /** Each way a file reaches {@code rampart evaluate}. */
  enum Input {
    WAIVERS("--waivers", "FILE"),
    BASELINE("--baseline", "FILE"),
    TRUSTED_KEY("--require-signed", "--trusted-key", "FILE"),
    PACK("--pack", "FILE"),
    INVENTORY("--source", "inventory:FILE"),
    NMAP("--source", "nmap:FILE"),
    MUD("--source", "mud:FILE", "--source-option", "devices=cam-01"),
    AZURE("--source", "azure-iot-hub:FILE");

    private final List<String> args;

    Input(String... args) {
      this.args = List.of(args);
    }

    List<String> args(Path file) {
      return args.stream().map(arg -> arg.replace("FILE", file.toString())).toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Input.class)
  void aDeviceIsRefusedInsteadOfFillingTheHeap(Input input) throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "needs /dev/zero");

    CliRun run = evaluate(input, zero);

    assertRefused(run, "/dev/zero");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Input.class)
  void aFifoIsRefusedInsteadOfHangingTheGate(Input input) throws Exception {
    Path fifo = dir.resolve("input.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");

    CliRun run = evaluate(input, fifo);

    assertRefused(run, fifo.toString());
    assertEquals(List.of(fifo), filesIn(dir), "a report or temporary file was written");
  }

  @Test
  void aReportThatWouldOverwriteTheInventoryIsRefusedAndTheInventoryKept() throws IOException {
    Path site = Files.copy(Path.of(INVENTORY), dir.resolve("site.yaml"));
    String before = Files.readString(site);

    CliRun run = CliRun.of("evaluate", site.toString(), "--pack", PACK, "--format", "json:" + site);

    assertEquals(2, run.exitCode());
    assertEquals("rampart: the json report (--format json:" + site + ") would overwrite the input '" + site
        + "'; write it to another file\n", run.err());
    assertEquals(before, Files.readString(site));
  }

  @Test
  void aBaselineThatWouldOverwriteTheWaiversIsRefused() throws IOException {
    Path waivers = Files.writeString(dir.resolve("waivers.yaml"), "apiVersion: rampart.dev/v1\nkind: Waivers\n"
        + "waivers: []\n");

    CliRun run = CliRun.of("evaluate", INVENTORY, "--pack", PACK, "--waivers", waivers.toString(),
        "--write-baseline", waivers.toString());

    assertEquals(2, run.exitCode());
    assertEquals("rampart: the baseline (--write-baseline " + waivers + ") would overwrite the input '" + waivers
        + "'; write it to another file\n", run.err());
  }

  @Test
  void aSecondNameForAnInputIsCaughtToo() throws IOException {
    Path pack = Files.copy(Path.of(PACK), dir.resolve("pack.yaml"));
    Path link = Files.createSymbolicLink(dir.resolve("report.html"), pack);

    CliRun run = CliRun.of("evaluate", INVENTORY, "--pack", pack.toString(), "--format", "html:" + link);

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("rampart: the html report (--format html:" + link + ") would overwrite the input '"
        + pack + "'"), run.err());
    assertEquals(Files.readString(Path.of(PACK)), Files.readString(pack));
  }

  @Test
  void textFromAnInputCannotForgeACiLineOrDriveTheTerminal() throws IOException {
    String hostile = "x\n::error::forged\r\u001b]0;pwned\u0007\u001b[2J\u2028\u202e";
    Path inventory = Files.writeString(dir.resolve("site.json"), "{\"devices\": [{\"id\": \"cam-01\", \""
        + hostile.replace("\n", "\\n").replace("\r", "\\r").replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
        + "\": 1}]}");
    Path waivers = Files.writeString(dir.resolve("waivers.yaml"), "apiVersion: rampart.dev/v1\nkind: Waivers\n"
        + "\"" + hostile.replace("\n", "\\n").replace("\r", "\\r").replace("\u001b", "\\e").replace("\u0007", "\\a")
            .replace("\u2028", "\\L").replace("\u202e", "\\u202E")
        + "\": []\n");

    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", PACK, "--waivers", waivers.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().lines().noneMatch(line -> line.startsWith("::")), run.err());
    assertTrue(run.err().chars().noneMatch(c -> c == '\u001b' || c == '\u0007' || c == '\r' || c == '\u2028'
        || c == '\u202e'), run.err());
    assertTrue(run.err().contains("x\\n::error::forged\\r\\u001B]0;pwned\\u0007\\u001B[2J\\u2028\\u202E"),
        run.err());
    assertTrue(run.err().split("x\\\\n::error::", -1).length - 1 >= 2, "the inventory and the waivers: " + run.err());
  }

  @Test
  void theTextReportShowsLineSeparatorsAndBidiOverridesEscaped() throws IOException {
    Path pack = Files.writeString(dir.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: names, version: "1.0", title: Names}
        rules:
          - id: NAM-001
            title: Named plainly
            category: identity
            severity: high
            target: device
            assert: {field: name, equals: plain}
            message: "${id} is called ${name}"
        """);
    Path inventory = Files.writeString(dir.resolve("site.json"),
        "{\"devices\": [{\"id\": \"cam-01\", \"name\": \"ok\\u2028FAKE LINE \\u202Eexe.gpj\"}]}");

    CliRun run = CliRun.of("evaluate", inventory.toString(), "--pack", pack.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().chars().noneMatch(c -> c == '\u2028' || c == '\u202e'), run.out());
    assertTrue(run.out().contains("cam-01 is called ok\\u2028FAKE LINE \\u202Eexe.gpj"), run.out());
  }

  private CliRun evaluate(Input input, Path file) {
    List<String> args = new ArrayList<>(List.of("evaluate", INVENTORY, "--pack", PACK));
    if (input == Input.PACK || input == Input.TRUSTED_KEY) {
      args.subList(2, 4).clear();
    }
    args.addAll(input.args(file));
    args.addAll(List.of("--format", "json:" + dir.resolve("report.json")));
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args.toArray(String[]::new)));
  }

  private static void assertRefused(CliRun run, String file) {
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(file) && run.err().contains("is not a regular file: a device, FIFO or socket is"
        + " never read"), run.err());
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    assertEquals("", run.out());
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
