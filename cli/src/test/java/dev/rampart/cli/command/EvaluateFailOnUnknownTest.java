package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rampart evaluate --fail-on-unknown}: missing evidence at or above the threshold fails the gate too. */
class EvaluateFailOnUnknownTest {

  private static final String FIXTURES = "src/test/resources/";
  private static final String PACK = FIXTURES + "packs/test-pack.yaml";
  private static final String UNKNOWN_FIRMWARE = FIXTURES + "inventories/unknown-firmware.yaml";
  private static final String SITE = FIXTURES + "inventories/site.yaml";
  private static final String NOW = "2026-11-25";

  @TempDir Path dir;

  @Test
  void anUnknownAtTheThresholdFailsTheGate() {
    CliRun run = CliRun.of("evaluate", UNKNOWN_FIRMWARE, "--pack", PACK, "--now", NOW, "--fail-on-unknown");

    assertEquals(1, run.exitCode());
    assertTrue(run.out().endsWith("""
          Gate      FAILED: 1 FAIL, ERROR or UNKNOWN result at severity high or above (--fail-on high
                    --fail-on-unknown)
        """), run.out()); // TST-004 is medium: its UNKNOWN is below the threshold
    assertEquals("", run.err());
  }

  @Test
  void withoutTheFlagUnknownsNeverFailIt() {
    CliRun run = CliRun.of("evaluate", UNKNOWN_FIRMWARE, "--pack", PACK, "--now", NOW);

    assertEquals(0, run.exitCode());
    assertTrue(run.out().endsWith(
        "  Gate      PASSED: no FAIL or ERROR result at severity high or above (--fail-on high)\n"), run.out());
  }

  @Test
  void anUnknownBelowTheThresholdDoesNotFailIt() {
    CliRun run = CliRun.of("evaluate", UNKNOWN_FIRMWARE, "--pack", PACK, "--now", NOW,
        "--fail-on", "critical", "--fail-on-unknown");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().endsWith("""
          Gate      PASSED: no FAIL, ERROR or UNKNOWN result at severity critical or above (--fail-on
                    critical --fail-on-unknown)
        """), run.out());
  }

  @Test
  void aWaivedUnknownDoesNotFailIt() throws IOException {
    Path waivers = Files.writeString(dir.resolve("waivers.yaml"), """
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - {rule: "TST-*", factId: cam-05, justification: firmware audit booked, approvedBy: sam, expires: 2026-12-31}
        """);

    CliRun run = CliRun.of("evaluate", UNKNOWN_FIRMWARE, "--pack", PACK, "--now", NOW, "--fail-on-unknown",
        "--waivers", waivers.toString());

    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void theJsonGateAndTheJunitReportSayUnknownsFail() throws IOException {
    Path junit = dir.resolve("rampart.xml");

    CliRun run = CliRun.of("evaluate", SITE, "--pack", PACK, "--now", NOW, "--fail-on-unknown",
        "--format", "json", "--format", "junit:" + junit);

    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("""
            "gate" : {
              "failOn" : "high",
              "failOnUnknown" : true,
              "allowErrors" : false,
              "failed" : true
            },
        """), run.out());
    assertTrue(Files.readString(junit).contains(
        "<failure message=\"evidence missing: firmware.signed\" type=\"unknown\">"), Files.readString(junit));
  }

  @Test
  void theHelpDescribesIt() {
    CliRun run = CliRun.of("evaluate", "--help");

    assertTrue(run.out().contains("      --fail-on-unknown     UNKNOWN results (evidence missing) at or above the\n"),
        run.out());
  }
}
